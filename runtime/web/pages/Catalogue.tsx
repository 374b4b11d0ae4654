/**
 * The catalogue: every matter with its province standard and regional variants, searchable in Chinese or English;
 * one-thing bundles (一件事) first, grouped by the life event they serve, each marked as one thing.
 */
import { useId, useState } from 'react';
import { api } from '../api.ts';
import { groupByLifeEvent, lifeEventName } from '../bundles.ts';
import { Loaded, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick } from '../i18n.ts';
import { Link } from '../router.tsx';
import type { CatalogueEntry, MatterSummary } from '../types.ts';

const guidePath = (id: string, entry: CatalogueEntry) => `/matters/${encodeURIComponent(id)}/regions/${entry.region.code}`;

/** One matter or bundle: its title (to the province guide), its code and other-language title, and its regions. */
function Card({ m, level, bundle }: { m: MatterSummary; level: 2 | 3 | 4; bundle?: boolean }) {
  const { t, locale } = useApp();
  const Heading = `h${level}` as const;
  return (
    <li className={bundle ? 'card bundle-card' : 'card'} data-testid={bundle ? 'bundle' : 'matter'} data-matter={m.id}>
      {bundle && <p className="one-thing-mark">{t.oneThing}</p>}
      <Heading>{m.baseline ? <Link to={guidePath(m.id, m.baseline)}>{pick(m.title, locale)}</Link> : pick(m.title, locale)}</Heading>
      <p className="muted">
        {m.id} · <span lang={locale === 'zh' ? 'en' : 'zh-CN'}>{pick(m.title, locale === 'zh' ? 'en' : 'zh')}</span>
      </p>
      <p>
        {m.baseline && <Link to={guidePath(m.id, m.baseline)}>{t.province}</Link>}
        {m.baseline && m.variants.length > 0 && ' · '}
        {m.variants.length > 0 && `${t.regions}: `}
        {m.variants.map((v, i) => (
          <span key={v.region.code}>
            {i > 0 && '、'}
            <Link to={guidePath(m.id, v)}>{pick(v.region.name, locale)}</Link>
          </span>
        ))}
      </p>
    </li>
  );
}

export function CataloguePage() {
  const { t, locale } = useApp();
  const state = useLoad(() => api.get<{ matters: MatterSummary[] }>('/api/matters').then((r) => r.matters), 'matters');
  const [query, setQuery] = useState('');
  const searchId = useId();
  useTitle(t.catalogueTitle);
  return (
    <>
      <h1>{t.catalogueTitle}</h1>
      <div className="search">
        <label htmlFor={searchId}>{t.searchLabel}</label>
        <input id={searchId} type="search" value={query} placeholder={t.searchPlaceholder} onChange={(e) => setQuery(e.target.value)} data-testid="catalogue-search" />
      </div>
      <Loaded state={state}>
        {(matters) => {
          const q = query.trim().toLowerCase();
          const words = (m: MatterSummary) => [m.id, m.title.zh, m.title.en, ...m.variants.flatMap((v) => [v.region.name.zh, v.region.name.en]), ...(m.bundle ? [t.oneThing, lifeEventName(m.bundle.event, t)] : [])];
          const shown = q ? matters.filter((m) => words(m).some((s) => s.toLowerCase().includes(q))) : matters;
          const { groups, singles } = groupByLifeEvent(shown);
          // with bundles on the page, the single matters get a heading of their own and their cards go a level down
          const split = matters.some((m) => m.bundle);
          return (
            <>
              <p role="status">
                {t.matterCount(singles.length)}
                {split && ` · ${t.bundleCount(shown.length - singles.length)}`}
              </p>
              {shown.length === 0 && <p>{t.noMatch}</p>}
              {groups.length > 0 && (
                <section aria-labelledby="bundles-heading" data-testid="bundles">
                  <h2 id="bundles-heading">{t.bundlesTitle}</h2>
                  <p className="muted">{t.bundlesIntro}</p>
                  {groups.map((g) => (
                    <section key={`${g.eventType}-${g.event}`} aria-labelledby={`event-${g.event}`} data-testid="life-event" data-event={g.event}>
                      <h3 id={`event-${g.event}`}>
                        {lifeEventName(g.event, t)}
                        <span className="muted"> · {t.eventTypeNames[g.eventType] ?? g.eventType}</span>
                      </h3>
                      <ul className="matter-list">
                        {g.bundles.map((m) => (
                          <Card key={m.id} m={m} level={4} bundle />
                        ))}
                      </ul>
                    </section>
                  ))}
                </section>
              )}
              {split && singles.length > 0 && <h2 id="singles-heading">{t.singlesTitle}</h2>}
              <ul className="matter-list" data-testid="matter-list" aria-labelledby={split && singles.length > 0 ? 'singles-heading' : undefined}>
                {singles.map((m) => (
                  <Card key={m.id} m={m} level={split ? 3 : 2} />
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** The catalogue: every matter with its province standard and regional variants, searchable in Chinese or English. */
import { useId, useState } from 'react';
import { api } from '../api.ts';
import { Loaded, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick } from '../i18n.ts';
import { Link } from '../router.tsx';
import type { CatalogueEntry, MatterSummary } from '../types.ts';

const guidePath = (id: string, entry: CatalogueEntry) => `/matters/${encodeURIComponent(id)}/regions/${entry.region.code}`;

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
          const shown = q ? matters.filter((m) => [m.id, m.title.zh, m.title.en, ...m.variants.flatMap((v) => [v.region.name.zh, v.region.name.en])].some((s) => s.toLowerCase().includes(q))) : matters;
          return (
            <>
              <p role="status">{t.matterCount(shown.length)}</p>
              {shown.length === 0 && <p>{t.noMatch}</p>}
              <ul className="matter-list" data-testid="matter-list">
                {shown.map((m) => (
                  <li key={m.id} className="card" data-testid="matter" data-matter={m.id}>
                    <h2>
                      {m.baseline ? <Link to={guidePath(m.id, m.baseline)}>{pick(m.title, locale)}</Link> : pick(m.title, locale)}
                    </h2>
                    <p className="muted">
                      {m.id} · <span lang={locale === 'zh' ? 'en' : 'zh-CN'}>{pick(m.title, locale === 'zh' ? 'en' : 'zh')}</span>
                    </p>
                    <p>
                      {m.baseline && (
                        <>
                          <Link to={guidePath(m.id, m.baseline)}>{t.province}</Link>
                          {' · '}
                        </>
                      )}
                      {t.regions}:{' '}
                      {m.variants.map((v, i) => (
                        <span key={v.region.code}>
                          {i > 0 && '、'}
                          <Link to={guidePath(m.id, v)}>{pick(v.region.name, locale)}</Link>
                        </span>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

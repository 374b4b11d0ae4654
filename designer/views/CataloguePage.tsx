/**
 * The catalogue browser: the newest version of every matter in every region, searched, filtered and paged by the
 * server (a province holds 200,000 variants); open one as a draft, start a variant of a baseline for a region in your
 * scope, or (the province's officials) a new matter. Your drafts are listed above.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../runtime/web/api.ts';
import { Link, navigate } from '../../runtime/web/router.tsx';
import { canEdit, inScope, isProvinceOfficial, useDesigner } from '../context.ts';
import type { CatalogueEntry, CataloguePage as Page, Draft, DraftSummary } from '../types.ts';

const pageSize = 25;

export function CataloguePage() {
  const { t, locale, user, regions } = useDesigner();
  const [query, setQuery] = useState({ q: '', kind: '', level: '', region: '' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page>();
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [error, setError] = useState<string>();
  const [variantOf, setVariantOf] = useState<CatalogueEntry>();
  const [creating, setCreating] = useState(false);
  const ids = useId();

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams({ offset: String(offset), limit: String(pageSize) });
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    // typing waits a moment before asking; filters and paging ask at once
    const timer = window.setTimeout(() => {
      api.get<Page>(`/api/designer/catalogue?${params}`).then((p) => live && setPage(p), (e: unknown) => live && setError(String((e as Error).message)));
    }, query.q ? 150 : 0);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, offset]);
  useEffect(() => {
    api.get<{ drafts: DraftSummary[] }>('/api/drafts').then((r) => setDrafts(r.drafts), () => undefined);
  }, []);

  const set = (key: keyof typeof query, value: string) => {
    setQuery({ ...query, [key]: value });
    setOffset(0);
  };
  const open = async (body: unknown) => {
    setError(undefined);
    try {
      const draft = await api.post<Draft>('/api/drafts', body);
      navigate(`/designer/drafts/${draft.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const editable = (e: CatalogueEntry) => canEdit(user) && (isProvinceOfficial(user, regions) || (e.kind === 'variant' && inScope(user, e.region, regions)));

  return (
    <>
      <h1>{t.catalogueTitle}</h1>
      {error && <p role="alert" className="error" data-testid="catalogue-error">{error}</p>}
      <section aria-labelledby={`${ids}-drafts`}>
        <h2 id={`${ids}-drafts`}>{t.myDrafts}</h2>
        {drafts.length === 0 ? (
          <p>{t.noDrafts}</p>
        ) : (
          <ul className="drafts" data-testid="drafts">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/designer/drafts/${d.id}`}>{d.title?.[locale] ?? d.matterId}</Link>{' '}
                <span className="muted">{regions.get(d.region)?.name[locale] ?? d.region} · {t.updated} {new Date(d.updatedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${ids}-catalogue`}>
        <h2 id={`${ids}-catalogue`}>{t.catalogueTitle}</h2>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label>{t.search}<input type="search" value={query.q} onChange={(e) => set('q', e.target.value)} data-testid="catalogue-search" /></label>
          <label>{t.kind}
            <select value={query.kind} onChange={(e) => set('kind', e.target.value)}>
              <option value="">{t.kindAny}</option>
              <option value="baseline">{t.kindBaseline}</option>
              <option value="variant">{t.kindVariant}</option>
            </select>
          </label>
          <label>{t.level}
            <select value={query.level} onChange={(e) => set('level', e.target.value)}>
              <option value="">{t.levelAny}</option>
              {['province', 'city', 'county'].map((l) => <option key={l} value={l}>{t.levels[l]}</option>)}
            </select>
          </label>
          <label>{t.region}
            <select value={query.region} onChange={(e) => set('region', e.target.value)} data-testid="catalogue-region">
              <option value="">{t.regionAny}</option>
              {[...regions.values()].filter((r) => r.level !== 'county').map((r) => <option key={r.code} value={r.code}>{r.name[locale]}</option>)}
            </select>
          </label>
          {isProvinceOfficial(user, regions) && <button type="button" className="btn" onClick={() => setCreating(true)}>{t.newMatter}</button>}
        </form>
        {page && (
          <>
            <p aria-live="polite" data-testid="catalogue-count">{t.results(page.total, page.total ? page.offset + 1 : 0, page.offset + page.entries.length)}</p>
            <table className="catalogue" data-testid="catalogue">
              <thead>
                <tr><th scope="col">{t.matter}</th><th scope="col">{t.region}</th><th scope="col">{t.kind}</th><th scope="col">{t.version}</th><th scope="col">{t.department}</th><th scope="col">{t.actions}</th></tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={`${e.id}/${e.region}`} data-testid="catalogue-row">
                    <th scope="row">{e.title[locale]}<br /><span className="muted">{e.id}</span></th>
                    <td>{e.regionName[locale]}</td>
                    <td>{e.kind === 'baseline' ? t.kindBaseline : t.kindVariant}</td>
                    <td>{e.version}</td>
                    <td>{e.department}</td>
                    <td className="row-actions">
                      {editable(e) && <button type="button" className="btn btn-small" onClick={() => void open({ edit: { id: e.id, region: e.region, version: e.version } })}>{t.edit}</button>}
                      {canEdit(user) && e.kind === 'baseline' && <button type="button" className="btn btn-small" onClick={() => setVariantOf(e)}>{t.newVariant}</button>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="pager" aria-label={t.catalogueTitle}>
              <button type="button" className="btn btn-small" disabled={page.offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>{t.previous}</button>
              <button type="button" className="btn btn-small" disabled={page.offset + page.entries.length >= page.total} onClick={() => setOffset(offset + pageSize)}>{t.next}</button>
            </nav>
          </>
        )}
      </section>
      {variantOf && <NewVariantDialog entry={variantOf} onCancel={() => setVariantOf(undefined)} onCreate={(region) => void open({ variantOf: { id: variantOf.id, version: variantOf.version }, region })} />}
      {creating && <NewMatterDialog onCancel={() => setCreating(false)} onCreate={(newMatter) => void open({ newMatter })} />}
    </>
  );
}

function NewVariantDialog({ entry, onCancel, onCreate }: { entry: CatalogueEntry; onCancel: () => void; onCreate: (region: string) => void }) {
  const { t, locale, user, regions } = useDesigner();
  const choices = [...regions.values()].filter((r) => r.level !== 'province' && (isProvinceOfficial(user, regions) || inScope(user, r.code, regions)));
  const [region, setRegion] = useState(choices[0]?.code ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate(region);
  };
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="variant-title">
      <form onSubmit={submit}>
        <h2 id="variant-title">{t.newVariant}: {entry.title[locale]}</h2>
        <label>{t.variantRegion}
          <select value={region} onChange={(e) => setRegion(e.target.value)} autoFocus data-testid="variant-region">
            {choices.map((r) => <option key={r.code} value={r.code}>{r.name[locale]} ({r.code})</option>)}
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>{t.cancel}</button>
          <button type="submit" className="btn btn-primary" data-testid="create-variant">{t.create}</button>
        </div>
      </form>
    </div>
  );
}

function NewMatterDialog({ onCancel, onCreate }: { onCancel: () => void; onCreate: (m: { id: string; title: { zh: string; en: string }; department: { zh: string; en: string } }) => void }) {
  const { t } = useDesigner();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    onCreate({ id: s('id'), title: { zh: s('titleZh'), en: s('titleEn') }, department: { zh: s('departmentZh'), en: s('departmentEn') } });
  };
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="matter-title">
      <form onSubmit={submit}>
        <h2 id="matter-title">{t.newMatter}</h2>
        <label>{t.matterId}<input name="id" required pattern="[0-9]{6}-[A-Z]{2,8}-[0-9]{4}" autoFocus /></label>
        <label>{t.titleZh}<input name="titleZh" required /></label>
        <label>{t.titleEn}<input name="titleEn" required /></label>
        <label>{t.departmentZh}<input name="departmentZh" required /></label>
        <label>{t.departmentEn}<input name="departmentEn" required /></label>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>{t.cancel}</button>
          <button type="submit" className="btn btn-primary">{t.create}</button>
        </div>
      </form>
    </div>
  );
}

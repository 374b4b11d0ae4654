/**
 * The workbench queue: the cases at a step the signed-in staff role owns, the soonest deadline first (overdue ones
 * marked in words), filtered by matter, region, step and overdue and searched by reference (GOV.UK's filter pattern:
 * labelled fields applied by a button), a page at a time. The filters and the page live in the URL's query, so back,
 * forward and reload keep them; the server filters and pages (GET /api/cases).
 */
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { CaseTable, Pager } from '../case-table.tsx';
import { Loaded, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick } from '../i18n.ts';
import { roleLabel } from '../bundles.ts';
import { actingRoles, personLabel } from '../people.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import type { CaseFilterChoices, CaseListPage } from '../types.ts';

/** What the server accepts as a reference search (GET /api/cases `q`). */
const referenceSearch = /^[A-Za-z0-9-]{1,32}$/;
const filterNames = ['q', 'matter', 'region', 'step', 'overdue'] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>> & { page: number };

/** The filters and page of a query string (anything else in it is ignored). */
function readFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters: Filters = { page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1) };
  for (const name of filterNames) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  if (filters.overdue !== 'true') delete filters.overdue;
  return filters;
}

/** The query string of filters and a page (page 1 left out). */
function queryOf(filters: Filters, page = filters.page): string {
  const params = new URLSearchParams();
  for (const name of filterNames) if (filters[name]) params.set(name, filters[name]!);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

const queuePath = (filters: Filters, page?: number) => {
  const query = queryOf(filters, page);
  return query ? `/queue?${query}` : '/queue';
};

export function QueuePage() {
  const { t, user } = useApp();
  const search = useLocation().split('?')[1] ?? '';
  const filters = readFilters(search);
  const badSearch = filters.q !== undefined && !referenceSearch.test(filters.q);
  const choices = useLoad(() => api.get<CaseFilterChoices>('/api/cases/filters'), `filters|${user?.id ?? ''}`);
  // a search the server would refuse is not sent: the form says what to fix
  const sent = badSearch ? { ...filters, q: undefined } : filters;
  const list = useLoad(() => api.get<CaseListPage>(`/api/cases?status=active&${queryOf(sent)}`), `queue|${user?.id ?? ''}|${queryOf(sent)}`);
  const filtered = filterNames.some((name) => filters[name]);
  useTitle(t.queueTitle);
  return (
    <>
      <h1>{t.queueTitle}</h1>
      {user && <p className="muted">{t.queueFor(`${user.name} · ${roleLabel(actingRoles(user).at(-1)!, t)}`)}</p>}
      <FilterForm key={search} filters={filters} choices={choices.data} badSearch={badSearch} />
      <Loaded state={list}>
        {(page) => {
          const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
          if (page.total === 0 && !filtered) return <p data-testid="queue-empty">{t.emptyQueue}</p>;
          return (
            <>
              <p role="status" data-testid="queue-count">
                {t.resultsCount(page.total)}
                {pages > 1 && ` · ${t.pageOf(page.page, pages)}`}
              </p>
              {page.cases.length === 0 ? (
                <p data-testid="queue-no-match">{t.noCaseMatch}</p>
              ) : (
                <CaseTable
                  cases={page.cases}
                  caption={t.queueTitle}
                  rowTestId="queue-case"
                  testId="queue"
                  extra={{ heading: t.applicant, cell: (c) => <span data-testid="queue-applicant">{personLabel(c.applicant, c)}</span> }}
                />
              )}
              <Pager page={page.page} pages={Math.max(pages, page.page)} href={(p) => queuePath(filters, p)} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** The filter form: its fields start at the URL's filters; applying them goes to page 1 of the new query. */
function FilterForm({ filters, choices, badSearch }: { filters: Filters; choices: CaseFilterChoices | undefined; badSearch: boolean }) {
  const { t, locale } = useApp();
  const [searchError, setSearchError] = useState(badSearch);
  const searchInput = useRef<HTMLInputElement>(null);
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Filters = { page: 1 };
    for (const name of ['q', 'matter', 'region', 'step'] as const) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next[name] = value;
    }
    if (form.get('overdue')) next.overdue = 'true';
    if (next.q !== undefined && !referenceSearch.test(next.q)) {
      setSearchError(true);
      searchInput.current?.focus();
      return;
    }
    navigate(queuePath(next));
  };
  // a filter from the URL that no listed case has any more stays selectable, so the form shows what is applied
  const matters = [...(choices?.matters ?? [])];
  if (filters.matter && !matters.some((m) => m.id === filters.matter)) matters.push({ id: filters.matter, title: null });
  const regions = [...(choices?.regions ?? [])];
  if (filters.region && !regions.some((r) => r.code === filters.region)) regions.push({ code: filters.region, name: null });
  const steps = [...(choices?.steps ?? [])];
  if (filters.step && !steps.some((s) => s.state === filters.step)) steps.push({ state: filters.step, name: null, matters: [] });
  return (
    <form className="filter-form" role="search" aria-labelledby="filters-heading" onSubmit={apply} noValidate data-testid="queue-filters">
      <h2 id="filters-heading" className="filter-heading">
        {t.filtersTitle}
      </h2>
      <div className={`field filter-search${searchError ? ' has-error' : ''}`}>
        <label htmlFor="filter-q">{t.searchReference}</label>
        <p id="filter-q-hint" className="hint">
          {t.searchReferenceHint}
        </p>
        {searchError && (
          <p id="filter-q-error" className="error-message" data-testid="filter-q-error">
            <span className="visually-hidden">{t.errorPrefix}</span>
            {t.searchReferenceBad}
          </p>
        )}
        <input
          ref={searchInput}
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ''}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={searchError || undefined}
          aria-describedby={searchError ? 'filter-q-hint filter-q-error' : 'filter-q-hint'}
          data-testid="filter-q"
        />
      </div>
      <FilterSelect name="matter" label={t.filterMatter} all={t.filterAll} value={filters.matter} choices={matters.map((m) => [m.id, pick(m.title, locale) || m.id])} />
      <FilterSelect name="region" label={t.filterRegion} all={t.filterAll} value={filters.region} choices={regions.map((r) => [r.code, pick(r.name, locale) || r.code])} />
      <FilterSelect name="step" label={t.filterStep} all={t.filterAll} value={filters.step} choices={steps.map((s) => [s.state, pick(s.name, locale) || s.state])} />
      <div className="field checkbox">
        <input id="filter-overdue" name="overdue" type="checkbox" value="true" defaultChecked={filters.overdue === 'true'} data-testid="filter-overdue" />
        <label htmlFor="filter-overdue">{t.filterOverdue}</label>
      </div>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" data-testid="filter-apply">
          {t.applyFilters}
        </button>
        <Link to="/queue" className="btn" data-testid="filter-clear">
          {t.clearFilters}
        </Link>
      </div>
    </form>
  );
}

/** One labelled filter of the queue: "all", then each choice (value, label); submitted by the form under `name`. */
function FilterSelect({ name, label, all, value, choices }: { name: string; label: string; all: string; value: string | undefined; choices: readonly (readonly [string, string])[] }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} data-testid={`filter-${name}`}>
        {[['', all] as const, ...choices].map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

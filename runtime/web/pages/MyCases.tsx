/** The applicant's cases, newest first, a page at a time: reference, matter, region, submitted date, step, deadline; plus the verify box. */
import { api } from '../api.ts';
import { CaseTable, Pager } from '../case-table.tsx';
import { Loaded, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { Link, useLocation } from '../router.tsx';
import type { CaseListPage } from '../types.ts';
import { VerifyCertificate } from './Verify.tsx';

export function MyCasesPage() {
  const { t, user } = useApp();
  const search = useLocation().split('?')[1] ?? '';
  const page = Math.max(1, Number.parseInt(new URLSearchParams(search).get('page') ?? '1', 10) || 1);
  const state = useLoad(() => api.get<CaseListPage>(`/api/cases?page=${page}`), `cases|${user?.id ?? ''}|${page}`);
  useTitle(t.myCasesTitle);
  return (
    <>
      <h1>{t.myCasesTitle}</h1>
      <Loaded state={state}>
        {(list) =>
          list.total === 0 ? (
            <p>
              {t.noCases} <Link to="/">{t.backToCatalogue}</Link>
            </p>
          ) : (
            <>
              <CaseTable cases={list.cases} caption={t.myCasesTitle} rowTestId="my-case" testId="my-cases" />
              <Pager page={list.page} pages={Math.ceil(list.total / list.pageSize)} href={(p) => `/cases?page=${p}`} />
            </>
          )
        }
      </Loaded>
      <VerifyCertificate headingLevel={2} />
    </>
  );
}

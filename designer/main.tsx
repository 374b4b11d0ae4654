/** The designer for officials and reviewers: shell (header, language, session), sign-in, routes, mounting. */
import { lazy, StrictMode, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { api, ApiError } from '../runtime/web/api.ts';
import { Link, matchPath, navigate, useLocation } from '../runtime/web/router.tsx';
import { DesignerContext, isProvinceOfficial, useDesigner, type DesignerState } from './context.ts';
import { langOf, texts, type Locale } from './i18n.ts';
import type { RegionEntry, User } from './types.ts';
import { CataloguePage } from './views/CataloguePage.tsx';
import { bundleWords } from './views/bundles/words.ts';
import { EditorPage } from './views/EditorPage.tsx';
import { MatrixPage } from './views/review/MatrixPage.tsx';
import { ProposalPage } from './views/review/ProposalPage.tsx';
import { ProvincePage } from './views/review/ProvincePage.tsx';
import { VariantPage } from './views/review/VariantPage.tsx';
import { reviewWords } from './views/review/words.ts';

// the bundle editor (一件事) loads with its pages: compose() and its engine parts stay out of the first download
const BundlesPage = lazy(() => import('./views/bundles/BundlesPage.tsx').then((m) => ({ default: m.BundlesPage })));
const BundleEditorPage = lazy(() => import('./views/bundles/BundleEditorPage.tsx').then((m) => ({ default: m.BundleEditorPage })));

const storedLocale = (): Locale => (window.localStorage.getItem('onematter.locale') === 'en' ? 'en' : 'zh');

function Designer() {
  const [locale, setLocale] = useState<Locale>(storedLocale);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [regions, setRegions] = useState<ReadonlyMap<string, RegionEntry>>(new Map());
  useEffect(() => {
    api.get<{ user: User }>('/api/session').then((r) => setUser(r.user), () => setUser(null));
    api.get<{ regions: RegionEntry[] }>('/api/regions').then((r) => setRegions(new Map(r.regions.map((x) => [x.code, x]))), () => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = langOf(locale);
    document.title = `${texts[locale].appName} · onematter`;
    window.localStorage.setItem('onematter.locale', locale);
  }, [locale]);
  const state = useMemo<DesignerState>(() => ({ locale, t: texts[locale], user, setUser, regions }), [locale, user, regions]);
  return (
    <DesignerContext.Provider value={state}>
      <Header onToggleLocale={() => setLocale(locale === 'zh' ? 'en' : 'zh')} />
      <main id="main" tabIndex={-1}>
        <Routes />
      </main>
    </DesignerContext.Provider>
  );
}

function Header({ onToggleLocale }: { onToggleLocale: () => void }) {
  const { t, user, setUser, regions, locale } = useDesigner();
  const signOut = async () => {
    await api.delete('/api/session').catch(() => undefined);
    setUser(null);
  };
  const scope = !user ? '' : user.role === 'reviewer' ? t.reviewerScope : isProvinceOfficial(user, regions) ? t.scopeProvince : t.scopeRegion(regions.get(user.region ?? '')?.name[locale] ?? user.region ?? '');
  return (
    <header className="designer-header">
      <a className="skip-link" href="#main">{t.skip}</a>
      <Link to="/designer" className="brand">{t.appName}</Link>
      <nav aria-label={t.appName}>
        <a href="/">{t.portal}</a>
        {(user?.role === 'reviewer' || user?.role === 'official') && <Link to="/designer/review" className="nav-review" data-testid="nav-review">{reviewWords[locale].nav}</Link>}
        {(user?.role === 'reviewer' || user?.role === 'official') && <Link to="/designer/bundles" className="nav-bundles" data-testid="nav-bundles">{bundleWords[locale].nav}</Link>}
      </nav>
      <div className="session">
        <button type="button" className="btn btn-small" onClick={onToggleLocale} lang={t.switchToLang} data-testid="locale-toggle">{t.switchTo}</button>
        {user && (
          <>
            <span data-testid="signed-in-user">{t.signedInAs(user.name, scope)}</span>
            <button type="button" className="btn btn-small" onClick={() => void signOut()}>{t.signOut}</button>
          </>
        )}
      </div>
    </header>
  );
}

function SignIn() {
  const { t, setUser } = useDesigner();
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const reply = await api.post<{ user: User }>('/api/session', { username: String(form.get('username')), password: String(form.get('password')) });
      setUser(reply.user);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t.badCredentials : e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t.signInTitle}</h1>
      {error && <p role="alert" className="error">{error}</p>}
      <form onSubmit={(e) => void submit(e)}>
        <label>{t.username}<input name="username" autoComplete="username" required /></label>
        <label>{t.password}<input name="password" type="password" autoComplete="current-password" required /></label>
        <button type="submit" className="btn btn-primary">{t.signIn}</button>
      </form>
    </section>
  );
}

function Routes() {
  const path = useLocation().split('?')[0]!;
  const { t, user } = useDesigner();
  if (user === undefined) return <p aria-busy="true">{t.loading}</p>;
  if (user === null) return <SignIn />;
  if (user.role !== 'official' && user.role !== 'reviewer') return <p role="alert">{t.notDesigner}</p>;
  let m: Record<string, string> | null;
  if (path === '/designer' || path === '/designer/') return <CataloguePage />;
  if ((m = matchPath('/designer/drafts/:id', path))) return <EditorPage key={m.id} id={m.id!} />;
  if (path === '/designer/review' || path === '/designer/review/') return <ProvincePage />;
  if (path === '/designer/bundles' || path === '/designer/bundles/') return <Suspense fallback={<p aria-busy="true">{t.loading}</p>}><BundlesPage /></Suspense>;
  if ((m = matchPath('/designer/bundles/:name', path))) return <Suspense fallback={<p aria-busy="true">{t.loading}</p>}><BundleEditorPage key={m.name} name={m.name!} /></Suspense>;
  if ((m = matchPath('/designer/review/:matterId/proposal', path))) return <ProposalPage key={m.matterId} matterId={m.matterId!} />;
  if ((m = matchPath('/designer/review/:matterId/:region', path))) return <VariantPage key={`${m.matterId}/${m.region}`} matterId={m.matterId!} region={m.region!} />;
  if ((m = matchPath('/designer/review/:matterId', path))) return <MatrixPage key={m.matterId} matterId={m.matterId!} />;
  return (
    <>
      <h1>{t.notFound}</h1>
      <p><Link to="/designer">{t.catalogueTitle}</Link></p>
    </>
  );
}

export { navigate };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Designer />
  </StrictMode>,
);

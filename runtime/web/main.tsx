/** The applicant portal and clerk workbench: shell (header, language toggle, session), routes, and mounting. */
import { StrictMode, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.ts';
import { useTitle } from './components.tsx';
import { AppContext, isStaff, useApp, type AppState } from './context.ts';
import { roleLabel } from './bundles.ts';
import { actingRoles } from './people.ts';
import { langOf, loadLocale, localeLoaded, texts, type Locale } from './i18n.ts';
import { CasePage, prefetchCase } from './pages/Case.tsx';
import { CataloguePage } from './pages/Catalogue.tsx';
import { GuidePage } from './pages/Guide.tsx';
import { Link, matchPath, navigate, useLocation } from './router.tsx';
import type { User } from './types.ts';
import { lazyPage } from './lazy-page.tsx';

// pages off the applicant's way from the catalogue to the form are chunks of their own, loaded when first shown
const MyCasesPage = lazyPage(() => import('./pages/MyCases.tsx').then((m) => m.MyCasesPage));
const QueuePage = lazyPage(() => import('./pages/Queue.tsx').then((m) => m.QueuePage));
const SessionsPage = lazyPage(() => import('./pages/Sessions.tsx').then((m) => m.SessionsPage));
const SignInPage = lazyPage(() => import('./pages/SignIn.tsx').then((m) => m.SignInPage));
const VerifyCertificate = lazyPage(() => import('./pages/Verify.tsx').then((m) => m.VerifyCertificate));
const PublicCertificatePage = lazyPage(() => import('./pages/PublicCertificate.tsx').then((m) => m.PublicCertificatePage));

const storedLocale = (): Locale => {
  const value = window.localStorage.getItem('onematter.locale');
  return value === 'en' || value === 'zh' ? value : 'zh';
};

// asked before React's first render, not after it: a signed-in page (the applicant's form) waits for the answer
const sessionRequest: Promise<User | null> = api.get<{ user: User }>('/api/session').then(
  (r) => r.user,
  () => null,
);
// the applicant's form page needs its case too: asked at the same time as the session, not after it
const casePath = matchPath('/cases/:id', window.location.pathname);
if (casePath?.id) prefetchCase(casePath.id, sessionRequest);

function App({ initialLocale }: { initialLocale: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    void sessionRequest.then(setUser);
  }, []);
  useEffect(() => {
    document.documentElement.lang = langOf(locale);
    window.localStorage.setItem('onematter.locale', locale);
  }, [locale]);
  const state = useMemo<AppState>(() => ({ locale, t: texts[locale], user, setUser }), [locale, user]);
  return (
    <AppContext.Provider value={state}>
      <Header
        // the other language's words may be a chunk still to fetch (i18n-en-lazy.ts): shown once they are here
        onToggleLocale={() => {
          const next = locale === 'zh' ? 'en' : 'zh';
          void loadLocale(next).then(() => setLocale(next), () => undefined); // a failed fetch: the next click retries
        }}
        onPreloadLocale={() => void loadLocale(locale === 'zh' ? 'en' : 'zh').catch(() => undefined)}
      />
      <main id="main" tabIndex={-1}>
        <Routes />
      </main>
    </AppContext.Provider>
  );
}

function Header({ onToggleLocale, onPreloadLocale }: { onToggleLocale: () => void; onPreloadLocale: () => void }) {
  const { t, user, setUser } = useApp();
  const signOut = async () => {
    await api.delete('/api/session').catch(() => undefined);
    setUser(null);
    navigate('/');
  };
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <div className="bar">
        <Link to="/" className="brand">
          {t.siteName}
        </Link>
        <nav aria-label={t.siteName}>
          <ul>
            <li>
              <Link to="/">{t.navCatalogue}</Link>
            </li>
            {user?.role === 'applicant' && (
              <li>
                <Link to="/cases" data-testid="nav-my-cases">{t.navMyCases}</Link>
              </li>
            )}
            {(isStaff(user) || user?.role === 'reviewer') && (
              <li>
                <Link to="/queue" data-testid="nav-queue">{t.navQueue}</Link>
              </li>
            )}
            <li>
              <Link to="/verify">{t.navVerify}</Link>
            </li>
            {user && (
              <li>
                <Link to="/sessions" data-testid="nav-sessions">{t.navSessions}</Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="session">
          <button type="button" className="btn btn-small" onClick={onToggleLocale} onPointerEnter={onPreloadLocale} onFocus={onPreloadLocale} lang={t.switchToLang} data-testid="locale-toggle">
            {t.switchTo}
          </button>
          {user ? (
            <>
              <span data-testid="signed-in-user">{t.signedInAs(user.name, roleLabel(actingRoles(user).at(-1)!, t))}</span>
              <button type="button" className="btn btn-small" onClick={() => void signOut()} data-testid="sign-out">
                {t.signOut}
              </button>
            </>
          ) : (
            user === null && (
              <Link to={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`} className="btn btn-small" data-testid="nav-sign-in">
                {t.signIn}
              </Link>
            )
          )}
        </div>
      </div>
    </header>
  );
}

/** Pages that need a signed-in user send anonymous visitors to sign in first. */
function SignedIn({ children }: { children: ReactNode }) {
  const { user, t } = useApp();
  const path = useLocation();
  useEffect(() => {
    if (user === null) navigate(`/sign-in?next=${encodeURIComponent(path)}`, { replace: true });
  }, [user, path]);
  return user ? <>{children}</> : <p aria-busy="true">{t.loading}</p>;
}

function NotFound() {
  const { t } = useApp();
  useTitle(t.notFound);
  return (
    <>
      <h1>{t.notFound}</h1>
      <p>
        <Link to="/">{t.backToCatalogue}</Link>
      </p>
    </>
  );
}

function Routes() {
  const path = useLocation().split('?')[0]!;
  let m: Record<string, string> | null;
  if (path === '/') return <CataloguePage />;
  if ((m = matchPath('/matters/:id/regions/:region', path))) return <GuidePage key={path} id={m.id!} region={m.region!} />;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/verify') return <VerifyCertificate />;
  if ((m = matchPath('/verify/:id', path))) return <PublicCertificatePage key={m.id} id={m.id!} />;
  if (path === '/cases') return <SignedIn><MyCasesPage /></SignedIn>;
  if ((m = matchPath('/cases/:id', path))) return <SignedIn><CasePage key={m.id} id={m.id!} /></SignedIn>;
  if (path === '/queue') return <SignedIn><QueuePage /></SignedIn>;
  if (path === '/sessions') return <SignedIn><SessionsPage /></SignedIn>;
  return <NotFound />;
}

const mount = (initialLocale: Locale) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialLocale={initialLocale} />
    </StrictMode>,
  );
// Chinese comes with the page; a visitor who chose English waits for its words (Chinese if they cannot be fetched)
const initialLocale = storedLocale();
if (localeLoaded(initialLocale)) mount(initialLocale);
else void loadLocale(initialLocale).then(() => mount(initialLocale), () => mount('zh'));

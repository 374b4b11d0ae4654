/** Sign in with a local demo account; returns to `?next=` afterwards. */
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { messageOf, Notice, useTitle } from '../components.tsx';
import { isStaff, useApp } from '../context.ts';
import { navigate, queryParam } from '../router.tsx';
import type { User } from '../types.ts';

const demoUsers = ['zhangWei', 'liNa', 'clerk', 'approver', 'inspector', 'sectionChief', 'transferOutClerk', 'official', 'reviewer'];
// a clerk and an approver of each demo department, who act on their department's part of one-thing bundles
// (runtime/server/users.ts): healthClerk is the clerk of the health department (health-clerk)
const departmentUsers = ['health', 'police', 'medicalInsurance', 'hrss', 'market', 'tax', 'housingFund'].flatMap((d) => [
  { id: `${d}Clerk`, role: 'clerk', department: d },
  { id: `${d}Approver`, role: 'approver', department: d },
]);

/** Only same-site paths are followed after signing in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : undefined);

export function SignInPage() {
  const { t, setUser } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const next = safeNext(queryParam('next'));
  useTitle(t.signInTitle);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await api.post<{ user: User }>('/api/session', { username, password });
      setUser(user);
      // officials and reviewers work in the designer, a separate app: a full page load, not the portal's router
      if (!next && (user.role === 'official' || user.role === 'reviewer')) return void window.location.assign('/designer');
      navigate(next ?? (isStaff(user) ? '/queue' : user.role === 'applicant' ? '/cases' : '/'), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'bad-credentials') setError(t.badCredentials);
      else if (e instanceof ApiError && e.code === 'throttled') setError(t.throttled(Number(e.details.retryAfter)));
      else setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t.signInTitle}</h1>
      {next && <Notice kind="info">{t.signInNeeded}</Notice>}
      <form className="stack narrow" onSubmit={submit} data-testid="sign-in-form" noValidate>
        <div className="field">
          <label htmlFor={`${ids}-user`}>{t.username}</label>
          <input id={`${ids}-user`} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} data-testid="sign-in-username" />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>{t.password}</label>
          <input id={`${ids}-password`} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="sign-in-password" />
        </div>
        {error && <Notice kind="error" testId="sign-in-error">{error}</Notice>}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="sign-in-submit">
          {t.signIn}
        </button>
      </form>
      <section aria-labelledby={`${ids}-demo`} className="demo">
        <h2 id={`${ids}-demo`}>{t.demoAccounts}</h2>
        <ul>
          {[...demoUsers.map((id) => ({ id, role: '', department: '' })), ...departmentUsers].map(({ id, role, department }) => (
            <li key={id}>
              <button type="button" className="btn-link" onClick={() => (setUsername(id), setPassword('demo1234'))} data-testid={`demo-${id}`}>
                <code>{id}</code>
              </button>{' '}
              — {t.demoRoles[id] ?? t.memberEvent(t.roleNames[role] ?? role, t.departmentNames[department] ?? department)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

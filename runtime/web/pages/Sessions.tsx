/** The signed-in user's sessions: where and when each signed in, this one marked; end any other, or all others. */
import { useRef, useState } from 'react';
import { api } from '../api.ts';
import { Loaded, messageOf, StepNotice, useLoad, useTitle, type StepOutcome } from '../components.tsx';
import { useApp } from '../context.ts';
import { formatTime } from '../i18n.ts';
import type { SessionInfo } from '../types.ts';

// First match wins: Edge and Android user agents also name Chrome and Linux, iOS ones Mac OS X.
const browsers: readonly [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Edge'], [/Firefox\/(\d+)/, 'Firefox'], [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'], [/Version\/(\d+)\S* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];
const systems: readonly [RegExp, string][] = [[/Windows/, 'Windows'], [/Android/, 'Android'], [/iPhone|iPad/, 'iOS'], [/Mac OS X/, 'macOS'], [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']];

/** A short name for a user agent: browser and system ("Chrome 140 · Linux"), or the user agent itself. */
export function deviceOf(userAgent: string): string {
  const browser = browsers.map(([re, name]) => re.exec(userAgent)?.[1] && `${name} ${re.exec(userAgent)![1]}`).find(Boolean);
  const system = systems.find(([re]) => re.test(userAgent))?.[1];
  return browser && system ? `${browser} · ${system}` : (browser || system || userAgent);
}

export function SessionsPage() {
  const { t, locale, user } = useApp();
  const state = useLoad(() => api.get<{ sessions: SessionInfo[] }>('/api/sessions').then((r) => r.sessions), `sessions|${user?.id ?? ''}`);
  // kept as data, worded at render time so the language toggle applies
  const [outcome, setOutcome] = useState<{ ended: number } | { error: string }>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useTitle(t.sessionsTitle);

  const run = async (action: () => Promise<number>) => {
    setBusy(true);
    try {
      setOutcome({ ended: await action() });
    } catch (e) {
      setOutcome({ error: messageOf(e) });
    }
    setBusy(false);
    state.reload();
    heading.current?.focus(); // the button pressed is gone: keep the keyboard's place on the page
  };
  const endOne = (id: string) => run(() => api.delete(`/api/sessions/${encodeURIComponent(id)}`).then(() => 0));
  const endOthers = () => run(() => api.delete<{ ended: number }>('/api/sessions/others').then((r) => r.ended));
  const notice: StepOutcome | undefined = outcome && ('error' in outcome
    ? { kind: 'error', text: outcome.error }
    : { kind: 'success', text: outcome.ended === 0 ? t.sessionEnded : t.otherSessionsEnded(outcome.ended) });

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.sessionsTitle}
      </h1>
      <p>{t.sessionsIntro}</p>
      <StepNotice notice={notice} testId="sessions-notice" reloadLabel={t.reload} />
      <Loaded state={state}>
        {(sessions) => {
          const others = sessions.filter((s) => !s.current);
          return (
            <>
              <table className="table stacked" data-testid="sessions">
                <caption className="visually-hidden">{t.sessionsTable}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.sessionDevice}</th>
                    <th scope="col">{t.sessionAddress}</th>
                    <th scope="col">{t.sessionSignedIn}</th>
                    <th scope="col">{t.sessionLastSeen}</th>
                    <th scope="col">{t.sessionExpires}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((s) => {
                    const device = deviceOf(s.userAgent) || t.unknownDevice;
                    const signedIn = formatTime(s.createdAt, locale);
                    return (
                      <tr key={s.id} className={s.current ? 'current' : undefined} data-testid="session" data-current={s.current ? 'true' : 'false'}>
                        <th scope="row">{device}</th>
                        <td data-label={t.sessionAddress}>{s.address}</td>
                        <td data-label={t.sessionSignedIn}>{signedIn}</td>
                        <td data-label={t.sessionLastSeen}>{formatTime(s.lastSeenAt, locale)}</td>
                        <td data-label={t.sessionExpires}>{formatTime(s.expiresAt, locale)}</td>
                        <td>
                          {s.current ? (
                            <strong className="current-label">{t.sessionCurrent}</strong>
                          ) : (
                            <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => void endOne(s.id)} aria-label={t.endSessionLabel(device, signedIn)} data-testid="end-session">
                              {t.endSession}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {others.length > 0 ? (
                <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void endOthers()} data-testid="end-other-sessions">
                  {t.endOtherSessions}
                </button>
              ) : (
                <p data-testid="no-other-sessions">{t.noOtherSessions}</p>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** Pieces of a case both the applicant and staff see: status line, materials, submitted data, audit trail, certificates. */
import { nodeAt, stepOfState } from '../../engine/process/nodes.ts';
import { eventLabel, membersOf, roleLabel } from './bundles.ts';
import { lazyPage } from './lazy-page.tsx';
import { localizedText } from '../form/ui-schema.ts';
import { useApp } from './context.ts';
import { maskId, personLabel } from './people.ts';
import { Link } from './router.tsx';
import { SituationList } from './situation-parts.tsx';
import { formatTime, pick, type Locale } from './i18n.ts';
import type { CaseDetail, CaseSummary } from './types.ts';

/** The status of a case in words: the outcome once done, else draft / in progress. */
export function statusText(c: CaseSummary, t: ReturnType<typeof useApp>['t']): string {
  if (c.status === 'done' && c.outcome) return t.outcomeNames[c.outcome] ?? c.outcome;
  return t.statusNames[c.status] ?? c.status;
}

/** Deadline with the overdue flag spelled out (not only coloured). */
export function DeadlineText({ c }: { c: CaseSummary }) {
  const { t, locale } = useApp();
  if (!c.deadline) return <>—</>;
  return (
    <>
      {formatTime(c.deadline.dueAt, locale)}
      {c.deadline.pausedAt && (
        <span className="clock-paused" data-testid="clock-paused">
          {' '}
          {t.clockPaused(formatTime(c.deadline.pausedAt, locale))}
        </span>
      )}
      {c.overdue && (
        <strong className="overdue-label" data-testid="overdue">
          {' '}
          {t.overdue}
        </strong>
      )}
    </>
  );
}

/** The materials shared data waives, then what the case's answers call for: materials to supply and fees due. */
export function Materials({ c }: { c: CaseDetail }) {
  const { t, locale } = useApp();
  return (
    <>
      <section aria-labelledby="waived-heading">
        <h3 id="waived-heading">{t.waivedMaterials}</h3>
        <ul data-testid="case-waived">
          {c.waived.map((m) => (
            <li key={m.id} data-material={m.id}>
              <strong>{t.waivedYes(pick(m.name, locale))}</strong>
              {m.reason && <div className="reason">{pick(m.reason, locale)}</div>}
            </li>
          ))}
          {c.waived.length === 0 && <li>—</li>}
        </ul>
      </section>
      <SituationList situation={c.situation} definition={c.definition} />
    </>
  );
}

export type Row = { pointer: string; label: string; value: string };

/** Every leaf of the data with its field's localized label path. */
export function dataRows(schema: unknown, data: unknown, locale: Locale, pointer = '', labels: string[] = []): Row[] {
  const node = (schema && typeof schema === 'object' ? schema : {}) as Record<string, unknown>;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const props = (node.properties ?? {}) as Record<string, unknown>;
    return Object.entries(data).flatMap(([key, value]) => {
      const child = (props[key] ?? {}) as Record<string, unknown>;
      const label = localizedText(child.title, child.description, locale).title ?? key;
      return dataRows(child, value, locale, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, [...labels, label]);
    });
  }
  if (Array.isArray(data)) return data.flatMap((v, i) => dataRows(node.items, v, locale, `${pointer}/${i}`, [...labels, String(i + 1)]));
  return [{ pointer, label: labels.join(' › '), value: data === undefined || data === null ? '' : String(data) }];
}

const noteOf = (payload: unknown): string | undefined => {
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  const event = (p.event && typeof p.event === 'object' ? p.event : p) as Record<string, unknown>;
  return typeof event.note === 'string' ? event.note : undefined;
};

// A state's step name (the engine's: a parallel state's regions joined, finished ones left out), or a final state's
// outcome, from the case's definition (its id when the definition is not there).
function stepName(c: CaseDetail, state: string | null, t: { outcomeNames: Record<string, string> }, locale: Locale): string {
  if (state === null) return '—';
  const process = c.definition?.process;
  const outcome = process ? nodeAt(process, state)?.state.meta?.outcome : undefined;
  return (process && pick(stepOfState(process, state), locale)) || (outcome ? t.outcomeNames[outcome] : undefined) || state;
}

export function AuditTrail({ c }: { c: CaseDetail }) {
  const { t, locale } = useApp();
  return (
    <table className="table stacked" data-testid="audit-trail">
      <caption className="visually-hidden">{t.auditTrail}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t.time}</th>
          <th scope="col">{t.actor}</th>
          <th scope="col">{t.action}</th>
          <th scope="col">{t.note}</th>
        </tr>
      </thead>
      <tbody>
        {(c.audit ?? []).map((e) => (
          <tr key={e.seq}>
            <td data-label="#">{e.seq}</td>
            <td data-label={t.time}>{formatTime(e.at, locale)}</td>
            <td data-label={t.actor} data-testid="audit-actor">
              {personLabel(e.actor, c)} <span className="muted">({roleLabel(e.role, t)})</span>
            </td>
            <td data-label={t.action}>
              {eventLabel(e.type, membersOf(c), t, locale)}
              {e.to && <span className="muted" title={e.to}> → {stepName(c, e.to, t, locale)}</span>}
            </td>
            <td data-label={t.note}>{noteOf(e.payload) ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}


// a bundle's members' progress: a chunk of its own, which only bundle cases load
const MemberProgress = lazyPage(() => import('./bundle-parts.tsx').then((m) => m.MemberProgress));


/** The case's certificates; a bundle's come with its members' progress, each member's beside it. */
export function Certificates({ c }: { c: CaseDetail }) {
  const { t, locale } = useApp();
  const members = c.members ?? [];
  // a bundle's certificates are listed with their members; any no member names, here
  const rest = c.certificates.filter((cert) => !members.some((m) => m.certificates.includes(cert.id)));
  const progress = members.length > 0 && <MemberProgress c={c} members={members} links={CertificateLinks} />;
  if (rest.length === 0) return progress || null;
  return (
    <>
      {progress}
      <ul className="certificates" data-testid="certificates">
        {rest.map((cert) => (
          <li key={cert.id}>
            {t.certificate} · {formatTime(cert.issuedAt, locale)} <CertificateLinks cert={cert} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The heading facts of a case (compact: for a list, without the applicant). */
export function CaseFacts({ c, compact = false }: { c: CaseDetail; compact?: boolean }) {
  const { t, locale } = useApp();
  return (
    <dl className={compact ? 'facts compact' : 'facts'}>
      <div>
        <dt>{t.status}</dt>
        <dd data-testid="case-status">{statusText(c, t)}</dd>
      </div>
      <div>
        <dt>{t.step}</dt>
        <dd data-testid="case-step">{pick(c.step, locale) || '—'}</dd>
      </div>
      <div>
        <dt>{t.deadline}</dt>
        <dd data-testid="case-deadline">
          <DeadlineText c={c} />
        </dd>
      </div>
      {!compact && c.timeLimit?.statutoryDueAt && (
        <div>
          <dt>{t.statutoryDeadline}</dt>
          <dd data-testid="case-statutory-deadline">
            {formatTime(c.timeLimit.statutoryDueAt, locale)}
            {c.timeLimit.extendedDueAt && <span className="muted">{t.extendedTo(formatTime(c.timeLimit.extendedDueAt, locale))}</span>}
          </dd>
        </div>
      )}
      {!compact && (c.delays ?? []).map((d) => (
        <div key={`${d.state}-${d.delay}`}>
          <dt>{t.automaticAt}</dt>
          <dd data-testid="case-delay">{t.delayLeadsTo(formatTime(d.dueAt, locale), stepName(c, d.target, t, locale))}</dd>
        </div>
      ))}
      {!compact && (
        <div>
          <dt>{t.applicant}</dt>
          <dd data-testid="case-applicant">
            {personLabel(c.applicant, c)}
            {personLabel(c.applicant, c) !== maskId(c.applicant) && <span className="muted"> {maskId(c.applicant)}</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** A certificate's links: download (JSON), print, check online; `of` names whose it is, for screen readers. */
export function CertificateLinks({ cert, of }: { cert: CaseDetail['certificates'][number]; of?: string }) {
  const { t } = useApp();
  const whose = of && <span className="visually-hidden">{t.paren(of)}</span>;
  return (
    <>
      <a className="btn" href={cert.json} download={`${cert.id}.json`} data-testid="certificate-download">
        {t.downloadJson}
        {whose}
      </a>{' '}
      <a className="btn" href={cert.html} target="_blank" rel="noopener" data-testid="certificate-print">
        {t.printHtml}
        {whose}
      </a>{' '}
      <Link className="btn" to={`/verify/${encodeURIComponent(cert.id)}`} data-testid="certificate-verify-link">
        {t.verifyPublicLink}
        {whose}
      </Link>
    </>
  );
}

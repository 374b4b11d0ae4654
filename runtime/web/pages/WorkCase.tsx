/**
 * The workbench view of a case: what it still waits for (容缺 materials, a certificate held back), the materials
 * checklist, the actions the current step allows, submitted data (read-only), materials and the audit trail.
 */
import { useState } from 'react';
import { SubmittedData } from '../answers-list.tsx';
import { AuditTrail, CaseFacts, Certificates, Materials } from '../case-parts.tsx';
import { Notice, useTitle } from '../components.tsx';
import { isStaff, useApp } from '../context.ts';
import { actingRoles, eventsFor } from '../people.ts';
import { pick } from '../i18n.ts';
import { canCheckMaterials, MaterialsChecklist, OutstandingNotice } from '../materials-checklist.tsx';
import { Link } from '../router.tsx';
import type { CaseDetail } from '../types.ts';
import { Actions } from './Actions.tsx';

/** `replace` shows a case the server returned at once (its new revision), before `reload` brings the rest. */
export function WorkCase({ c, reload, replace }: { c: CaseDetail; reload: () => void; replace?: (updated: CaseDetail) => void }) {
  const { t, locale, user } = useApp();
  const [done, setDone] = useState(false);
  // what the last checklist save did: saved, or (the last outstanding material supplied) issued the certificate
  const [checked, setChecked] = useState<'saved' | 'issued'>();
  // the API lists every event of the step and who may send each (in a parallel state, each region's role its own)
  const mine = isStaff(user) ? eventsFor(c, actingRoles(user!)) : [];
  useTitle(`${pick(c.title, locale) || t.caseTitle} · ${t.queueTitle}`);
  return (
    <article data-testid="case" data-case={c.id} data-state={c.state}>
      <p className="muted">
        <Link to="/queue">{t.queueTitle}</Link> · {c.matterId}
        {c.reference && (
          <>
            {' · '}
            {t.colReference}
            {t.colon}
            <strong data-testid="work-reference">{c.reference}</strong>
          </>
        )}
      </p>
      <h1>{pick(c.title, locale)}</h1>
      {c.overdue && <Notice kind="error" testId="case-overdue">{t.overdue}</Notice>}
      <CaseFacts c={c} />
      <OutstandingNotice c={c} audience="staff" />
      <Certificates c={c} />
      {c.checklist && (
        <section aria-labelledby="checklist-heading">
          <h2 id="checklist-heading">{t.checklistTitle}</h2>
          {checked && (
            <Notice kind="success" testId="checklist-saved" focus>
              {checked === 'issued' ? t.certificateIssuedByCheck : t.checklistSaved}
            </Notice>
          )}
          <MaterialsChecklist
            key={`${c.id}@${c.revision}`}
            c={c}
            editable={canCheckMaterials(c, user)}
            onSaved={(updated) => {
              setDone(false);
              setChecked(updated.certificates.length > c.certificates.length ? 'issued' : 'saved');
              // the actions must act on the saved revision at once: a click before the reload ended was a 409
              replace?.({ ...c, ...updated });
              reload();
            }}
          />
        </section>
      )}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t.actions}</h2>
        {done && <Notice kind="success" testId="action-done" focus>{t.done}</Notice>}
        <Actions
          key={`${c.id}@${c.revision}`}
          c={c}
          events={mine}
          onDone={() => {
            setChecked(undefined);
            setDone(true);
            reload();
          }}
        />
      </section>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t.submittedData}</h2>
        <SubmittedData c={c} />
      </section>
      <section aria-labelledby="materials-heading">
        <h2 id="materials-heading">{t.materials}</h2>
        <Materials c={c} />
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t.auditTrail}</h2>
        <AuditTrail c={c} />
      </section>
    </article>
  );
}

/** The workbench view of a case: submitted data (read-only), materials, audit trail, and the actions the current step allows. */
import { useState } from 'react';
import { AuditTrail, CaseFacts, Certificates, Materials, SubmittedData } from '../case-parts.tsx';
import { Notice, useTitle } from '../components.tsx';
import { isStaff, useApp } from '../context.ts';
import { eventsFor } from '../people.ts';
import { pick } from '../i18n.ts';
import { Link } from '../router.tsx';
import type { CaseDetail } from '../types.ts';
import { Actions } from './Actions.tsx';

export function WorkCase({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const { t, locale, user } = useApp();
  const [done, setDone] = useState(false);
  // the API lists every event of the step and who may send each (in a parallel state, each region's role its own)
  const mine = isStaff(user) ? eventsFor(c, user?.role) : [];
  useTitle(`${pick(c.title, locale) || t.caseTitle} · ${t.queueTitle}`);
  return (
    <article data-testid="case" data-case={c.id} data-state={c.state}>
      <p className="muted">
        <Link to="/queue">{t.queueTitle}</Link> · {c.matterId}
      </p>
      <h1>{pick(c.title, locale)}</h1>
      {c.overdue && <Notice kind="error" testId="case-overdue">{t.overdue}</Notice>}
      <CaseFacts c={c} />
      <Certificates c={c} />
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t.actions}</h2>
        {done && <Notice kind="success" testId="action-done" focus>{t.done}</Notice>}
        <Actions
          key={`${c.id}@${c.revision}`}
          c={c}
          events={mine}
          onDone={() => {
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

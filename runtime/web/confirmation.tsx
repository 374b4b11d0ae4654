/**
 * After submitting (GOV.UK's confirmation page): a panel with the case's reference in large type, then what happens
 * next — the step the case is at and the promised deadline and, for a matter that needs visits in person, how many,
 * why, and where and when (each place's address, hours, window and phone as the definition gives them). The panel
 * takes the focus, so a screen reader hears the reference first.
 */
import { useEffect, useRef } from 'react';
import { useApp } from './context.ts';
import { formatTime, pick } from './i18n.ts';
import { Link } from './router.tsx';
import type { CaseDetail } from './types.ts';

export function Confirmation({ c }: { c: CaseDetail }) {
  const { t, locale } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'center' });
  }, []);
  const step = pick(c.step, locale);
  return (
    <>
      <div className="confirmation" role="status" data-testid="submitted-notice">
        <h2 ref={heading} tabIndex={-1}>
          {t.confirmationTitle}
        </h2>
        <p className="reference-label">{t.reference}</p>
        <p className="reference" data-testid="case-reference">
          {c.reference ?? c.id}
        </p>
      </div>
      <section aria-labelledby="what-next" data-testid="what-next">
        <h2 id="what-next">{t.whatNext}</h2>
        {step && <p>{t.nextStep(step)}</p>}
        {c.deadline && <p data-testid="what-next-deadline">{t.nextDeadline(formatTime(c.deadline.dueAt, locale))}</p>}
        <Visits c={c} />
        <p>{t.nextNotify}</p>
        <p>
          <Link to="/cases">{t.viewMyCases}</Link>
        </p>
      </section>
    </>
  );
}

/** Where and when to go, for a matter that needs visits in person; nothing for one done wholly online. */
function Visits({ c }: { c: CaseDetail }) {
  const { t, locale } = useApp();
  const definition = c.definition;
  if (!definition || !(definition.visits > 0)) return null;
  const fallbackHours = definition.contact?.hours;
  return (
    <section aria-labelledby="visit-heading" className="visit" data-testid="what-next-visit">
      <h3 id="visit-heading">{t.visitTitle}</h3>
      <p>{t.visitCount(definition.visits)}</p>
      {definition.visitReason && <p data-testid="visit-reason">{pick(definition.visitReason, locale)}</p>}
      {(definition.locations ?? []).length > 0 && (
        <ul className="visit-places">
          {(definition.locations ?? []).map((place, i) => {
            const hours = place.hours ?? fallbackHours;
            return (
              <li key={i} data-testid="visit-place">
                <strong>{pick(place.name, locale)}</strong>
                {place.address && (
                  <div>
                    {t.visitWhere}
                    {t.colon}
                    {pick(place.address, locale)}
                  </div>
                )}
                {hours && (
                  <div>
                    {t.visitWhen}
                    {t.colon}
                    {pick(hours, locale)}
                  </div>
                )}
                {place.window && <div>{t.visitWindow(place.window)}</div>}
                {place.phone && <div>{t.visitPhone(place.phone)}</div>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

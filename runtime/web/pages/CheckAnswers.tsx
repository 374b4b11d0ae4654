/**
 * "Check your answers" (GOV.UK): every answer as a summary list, each with a link back to its field, then the
 * submit button, disabled and saying so while the request is under way.
 */
import { useEffect, useRef } from 'react';
import type { MatterDefinition } from '../../../engine/index.ts';
import { prepareForm } from '../../form/prepare.ts';
import { dataRows } from '../case-parts.tsx';
import { useApp } from '../context.ts';
import { isIdNumber, maskId } from '../people.ts';
import { sharedSchemas } from '../shared-schemas.ts';

export interface CheckAnswersProps {
  definition: MatterDefinition;
  data: unknown;
  /** Verified fields (pointer → value): not changeable, so they get no change link. */
  verified: Record<string, unknown>;
  busy: boolean;
  onChange: (pointer: string) => void;
  onBack: () => void;
  onSubmit: () => void;
}

export function CheckAnswers({ definition, data, verified, busy, onChange, onBack, onSubmit }: CheckAnswersProps) {
  const { t, locale } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
  const rows = dataRows(prepareForm(definition, sharedSchemas).schema, data, locale).filter((r) => r.value !== '');
  return (
    <section aria-labelledby="check-heading" data-testid="check-answers">
      <h2 id="check-heading" ref={heading} tabIndex={-1}>
        {t.checkTitle}
      </h2>
      <p>{t.checkIntro}</p>
      <dl className="summary-list">
        {rows.map((r) => (
          <div key={r.pointer} data-pointer={r.pointer} data-testid="check-row">
            <dt>{r.label}</dt>
            {/* an identity number the applicant cannot change need not be shown whole */}
            <dd className="answer">{r.pointer in verified && isIdNumber(r.value) ? maskId(r.value) : r.value}</dd>
            <dd>
              {!(r.pointer in verified) && (
                <a
                  href={`#${r.pointer}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onChange(r.pointer);
                  }}
                  data-testid="check-change"
                >
                  {t.change}
                  <span className="visually-hidden">{locale === 'zh' ? r.label : ` ${r.label}`}</span>
                </a>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p>{t.checkDeclaration}</p>
      <div className="button-row">
        <button type="button" className="btn btn-primary" disabled={busy} aria-busy={busy} onClick={onSubmit} data-testid="check-submit">
          {busy ? t.submitting : t.checkSubmit}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onBack} data-testid="check-back">
          {t.backToForm}
        </button>
      </div>
    </section>
  );
}

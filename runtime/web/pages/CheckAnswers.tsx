/**
 * "Check your answers" (GOV.UK): every answer as a summary list, each with a link back to its field, then the
 * submit button, disabled and saying so while the request is under way.
 */
import { useEffect, useRef } from 'react';
import type { MatterDefinition } from '../../../engine/index.ts';
import { AnswersList, answerRows } from '../answers-list.tsx';
import { useApp } from '../context.ts';

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
  const rows = answerRows(definition, data, locale);
  return (
    <section aria-labelledby="check-heading" data-testid="check-answers">
      <h2 id="check-heading" ref={heading} tabIndex={-1}>
        {t.checkTitle}
      </h2>
      <p>{t.checkIntro}</p>
      <AnswersList rows={rows} verified={verified} onChange={onChange} rowTestId="check-row" />
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

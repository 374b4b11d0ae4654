/**
 * An applicant's answers as a GOV.UK summary list, one row per answered field with its label path: "check your
 * answers" before submitting (each row with a link back to its field) and, read-only, the case page after. Identity
 * numbers the applicant cannot change are masked.
 */
import type { MatterDefinition } from '../../engine/index.ts';
import { answerText } from '../form/answer-text.ts';
import { inlineSharedRefs } from '../form/render-schema.ts';
import { dataRows, type Row } from './case-parts.tsx';
import { useApp } from './context.ts';
import type { Locale } from './i18n.ts';
import type { CaseDetail } from './types.ts';
import { isIdNumber, maskId } from './people.ts';
import { sharedSchemas } from './shared-schemas.ts';

/** The answered fields of `data` with their labels (the form's shared `$ref`s inlined, so shared fields are named too). */
export const answerRows = (definition: MatterDefinition, data: unknown, locale: Locale): Row[] =>
  dataRows(inlineSharedRefs(definition.form.schema, sharedSchemas), data, locale)
    .filter((r) => r.value !== '')
    // options and places in the reader's words (By post; Haishu, Ningbo, Zhejiang), as the form showed them
    .map((r) => ({ ...r, value: answerText(definition, r.pointer, r.value, locale, sharedSchemas) }));

export interface AnswersListProps {
  rows: readonly Row[];
  /** Verified fields (pointer → value): masked when identity numbers, and never changeable. */
  verified: Readonly<Record<string, unknown>>;
  /** With it, each changeable row links back to its field. */
  onChange?: (pointer: string) => void;
  rowTestId: string;
  testId?: string;
}

export function AnswersList({ rows, verified, onChange, rowTestId, testId }: AnswersListProps) {
  const { t, locale } = useApp();
  return (
    <dl className={onChange ? 'summary-list' : 'summary-list read-only'} data-testid={testId}>
      {rows.map((r) => (
        <div key={r.pointer} data-pointer={r.pointer} data-testid={rowTestId}>
          <dt>{r.label}</dt>
          {/* an identity number the applicant cannot change need not be shown whole */}
          <dd className="answer">{r.pointer in verified && isIdNumber(r.value) ? maskId(r.value) : r.value}</dd>
          {onChange && (
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
          )}
        </div>
      ))}
    </dl>
  );
}

/**
 * The submitted data for staff, read-only, verified values marked: options and places in the reader's words, shared
 * fields named, and an identity number shared data verified masked (the check is done; the clerk needs the person).
 */
export function SubmittedData({ c }: { c: CaseDetail }) {
  const { t, locale } = useApp();
  const rows = c.definition ? answerRows(c.definition, c.data, locale) : dataRows(undefined, c.data, locale);
  return (
    <table className="table" data-testid="case-data">
      <thead>
        <tr>
          <th scope="col">{t.field}</th>
          <th scope="col">{t.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pointer} data-pointer={r.pointer}>
            <th scope="row">{r.label}</th>
            <td>
              {r.pointer in c.verified && isIdNumber(r.value) ? maskId(r.value) : r.value}
              {r.pointer in c.verified && <span className="verified-tag"> ✓ {t.verifiedMark}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

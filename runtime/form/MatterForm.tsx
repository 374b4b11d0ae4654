/**
 * MatterForm: renders a matter's form with rjsf for embedders. Labels per locale, verified shared data read-only and
 * marked, a notice of the materials the applicant need not bring, and the runtime's field errors on their fields.
 */
import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFValidationError, TranslatableString, ValidatorType } from '@rjsf/utils';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import { withoutHiddenFields } from './conditional.ts';
import { withLocked } from './data.ts';
import { fieldId, fixFieldErrors, localizeValidationErrors, pointerOfProperty, toErrorSchema, type FieldError } from './errors.ts';
import { messages, translateRjsfString, type Locale } from './messages.ts';
import { prepareForm } from './prepare.ts';
import { RegionPicker } from './region-picker.tsx';
import { VerifiedFieldTemplate } from './templates.tsx';
import { buildUiSchema, fieldLabel, regionWidget } from './ui-schema.ts';
import type { WaivedMaterial } from './waived.ts';

/** Props of MatterForm. Values are compared by content where embedders tend to rebuild them per render. */
export interface MatterFormProps {
  definition: MatterDefinition;
  locale: Locale;
  /** Current data (a draft or the prefilled data). */
  formData: unknown;
  /** Data pointer (e.g. `/applicant/name`) → value verified from shared data: shown read-only, marked verified. */
  locked: Record<string, unknown>;
  /** Materials the applicant need not bring (see `sharedDataWaivers`), each with the reason. */
  waived: WaivedMaterial[];
  /** Field errors from the runtime's validator, the authority; JSON Pointers into the data. */
  errors?: FieldError[];
  /** The project's shared schemas (definitions/schemas/*.json), so `$ref`s to them render their fields and checks. */
  sharedSchemas?: readonly object[];
  /**
   * rjsf's validator for this form. Default: ajv compiling the schema in the page, which needs 'unsafe-eval'; under a
   * strict Content-Security-Policy pass a precompiled one (precompiledFormModule on the server, precompiledValidator here).
   */
  validator?: ValidatorType;
  onChange?: (data: unknown) => void;
  /** Called with the data when the applicant submits and rjsf's own (advisory) checks pass. */
  onSubmit?: (data: unknown) => void;
  /** When given, a "save draft" button hands over the current data without any checks. */
  onSaveDraft?: (data: unknown) => void;
  /** No submit or draft button (a preview of the form). */
  hideActions?: boolean;
  /** A request is under way: the buttons are disabled and the submit button says so. */
  busy?: boolean;
  /** The submit button's text (default: the form's "submit application"). */
  submitLabel?: string;
}

const noErrors: FieldError[] = [];
const templates = { FieldTemplate: VerifiedFieldTemplate };
const widgets = { [regionWidget]: RegionPicker };

/** A matter's form for applicants and clerks (rjsf with the default theme). */
export function MatterForm(props: MatterFormProps) {
  const { definition, locale, formData, waived, onChange, onSubmit, onSaveDraft, sharedSchemas } = props;
  const t = messages[locale];
  const ids = useId();
  const locked = useContentMemo(props.locked);
  const errors = useContentMemo(props.errors ?? noErrors);

  // per definition version (cached across mounts), then per locale and locked set: never per keystroke
  const prepared = useMemo(() => prepareForm(definition, sharedSchemas), [definition, sharedSchemas]);
  const lockedPointers = useMemo(() => Object.keys(locked), [locked]);
  const authored = definition.form.uiSchema;
  const uiSchema = useMemo(
    () => buildUiSchema(prepared.schema, { locale, locked: lockedPointers, ...(authored && { authored }) }),
    [prepared, locale, lockedPointers, authored],
  );
  const wordingContext = useMemo(() => ({ schema: prepared.schema, uiSchema }), [prepared, uiSchema]);
  // the runtime's errors say how to fix the field, as rjsf's own do
  const serverErrors = useMemo(() => fixFieldErrors(errors, locale, wordingContext), [errors, locale, wordingContext]);
  const extraErrors = useMemo(() => (serverErrors.length > 0 ? toErrorSchema(serverErrors) : undefined), [serverErrors]);
  // what is sent is what is shown: answers of fields a condition hides are dropped (see conditional.ts)
  const visible = useCallback((d: unknown) => withoutHiddenFields(prepared.schema, withLocked(d, locked)), [prepared, locked]);
  const data = useMemo(() => visible(formData), [visible, formData]);
  const transformErrors = useMemo(() => localizeValidationErrors(locale, wordingContext), [locale, wordingContext]);
  // rjsf's own errors of the last submit attempt (shown inline by rjsf, listed in the summary by us)
  const [clientErrors, setClientErrors] = useState<FieldError[]>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => {
    const seen = new Set<string>();
    return [...serverErrors, ...clientErrors].filter((e) => !seen.has(`${e.pointer} ${e.message}`) && seen.add(`${e.pointer} ${e.message}`));
  }, [serverErrors, clientErrors]);
  // GOV.UK's pattern: after a failed submit the summary takes focus, so it is read out and its links are next
  useEffect(() => {
    if (shown.length > 0) summary.current?.focus();
  }, [serverErrors, attempt]); // eslint-disable-line react-hooks/exhaustive-deps
  // rjsf's inputs carry aria-describedby to their error but not aria-invalid: set it on every control of a field in error
  useEffect(() => {
    const root = summary.current?.closest('.onematter-form');
    if (!root) return;
    const invalid = new Set(shown.map((e) => fieldId(e.pointer)));
    for (const el of root.querySelectorAll<HTMLElement>('input, select, textarea')) {
      const field = el.id.replace(/-\d+$/, ''); // radio and checkbox options are `<field id>-<n>`
      if (invalid.has(field) || invalid.has(el.id)) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }
  });
  const onError = useCallback((list: RJSFValidationError[]) => {
    setClientErrors(list.map((e) => ({ pointer: pointerOfProperty(e.property), message: e.message ?? '' })));
    setAttempt((n) => n + 1);
  }, []);
  const goToField = useCallback((event: MouseEvent<HTMLAnchorElement>, pointer: string) => {
    const id = fieldId(pointer);
    const target = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${id}-"]`);
    if (!target) return;
    event.preventDefault();
    target.focus();
    // the label above the control should be in view too
    (document.querySelector(`label[for="${id}"]`) ?? target).scrollIntoView?.({ block: 'center' });
  }, []);
  const translateString = useCallback((text: TranslatableString, params?: string[]) => translateRjsfString(locale, text, params), [locale]);

  // the latest data, for "save draft" (rjsf keeps its own copy while the applicant types)
  const latest = useRef(data);
  useEffect(() => {
    latest.current = data;
  }, [data]);

  const handleChange = useCallback(
    (event: IChangeEvent) => {
      latest.current = visible(event.formData);
      onChange?.(latest.current);
    },
    [onChange, visible],
  );
  const handleSubmit = useCallback(
    (event: IChangeEvent) => {
      setClientErrors(noErrors);
      onSubmit?.(visible(event.formData));
    },
    [onSubmit, visible],
  );
  const busy = props.busy ?? false;
  const submitLabel = props.submitLabel ?? t.submit;
  const hasDraft = onSaveDraft !== undefined;
  const saveDraft = useCallback(() => onSaveDraft?.(latest.current), [onSaveDraft]);
  const actions = useMemo(
    () => (
      <div className="onematter-actions">
        {hasDraft && (
          <button type="button" className="btn btn-default" onClick={saveDraft} disabled={busy} data-testid="save-draft">
            {t.saveDraft}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy} data-testid="form-submit">
          {busy ? t.working : submitLabel}
        </button>
      </div>
    ),
    [hasDraft, saveDraft, t, busy, submitLabel],
  );

  return (
    <div className="onematter-form" lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <div className="onematter-waived" role="status" aria-live="polite">
        {waived.length > 0 && (
          <section aria-labelledby={`${ids}-waived`}>
            <h2 id={`${ids}-waived`}>{t.waivedHeading}</h2>
            <ul>
              {waived.map((material) => (
                <li key={material.id} data-material={material.id}>
                  <strong>{t.needNotBring(material.name[locale])}</strong>
                  {material.reason && `${t.reasonSeparator}${material.reason[locale]}`}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className="onematter-error-summary" role="alert" tabIndex={-1} ref={summary} data-testid="error-summary">
        {shown.length > 0 && (
          <section aria-labelledby={`${ids}-errors`}>
            <h2 id={`${ids}-errors`}>{t.errorsHeading}</h2>
            <ul>
              {shown.map((error, i) => {
                const label = fieldLabel(prepared.schema, uiSchema, error.pointer);
                // a message that names its field already ("Enter mobile phone number") needs no label before it
                const text = label && !error.message.toLowerCase().includes(label.toLowerCase()) ? `${label}${t.labelSeparator}${error.message}` : error.message;
                return (
                  <li key={i}>
                    <a href={`#${fieldId(error.pointer)}`} onClick={(e) => goToField(e, error.pointer)} data-pointer={error.pointer}>
                      {text}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
      <Form
        schema={prepared.renderSchema}
        uiSchema={uiSchema}
        validator={props.validator ?? prepared.validator}
        formData={data}
        extraErrors={extraErrors}
        noHtml5Validate
        showErrorList={false}
        onError={onError}
        transformErrors={transformErrors}
        translateString={translateString}
        templates={templates}
        widgets={widgets}
        onChange={handleChange}
        onSubmit={handleSubmit}
      >
        {props.hideActions ? <></> : actions}
      </Form>
    </div>
  );
}

/** Returns the previous value while `value` has the same JSON content, so inline literals do not defeat memoization. */
function useContentMemo<T>(value: T): T {
  const key = JSON.stringify(value);
  // the key stands for the value's content
  return useMemo(() => value, [key]); // eslint-disable-line react-hooks/exhaustive-deps
}
export { precompiledValidator, noLiveChecks } from './precompiled-runtime.ts';

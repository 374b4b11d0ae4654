/**
 * The service elements (title, summary, status, codes, implementing body and standard owner, where and how widely it
 * is accepted, contact, legal basis, acceptance conditions, handling, channels, time limits, fees, visits, outputs,
 * roles…) edited through a form generated from the meta-schema itself: rjsf renders the definition's own schema, with
 * labels, help and option labels in the page's language (service-ui.ts), so a change of the format reaches the
 * designer without new UI code. Each changed element becomes one set-value command; a fee's situations (情形) have
 * the situation editor and its commands.
 */
import Form, { type IChangeEvent } from '@rjsf/core';
import type { FieldProps, RJSFSchema, TranslatableString } from '@rjsf/utils';
import { useCallback, useMemo } from 'react';
import { definitionSchema, type MatterDefinition, type Problem } from '../../engine/index.ts';
import { jsonEqual } from '../../engine/json/equal.ts';
import { escapeToken } from '../../engine/json/pointer.ts';
import { translateRjsfString } from '../../runtime/form/messages.ts';
import { noLiveChecks } from '../../runtime/form/precompiled-runtime.ts';
import { useDesigner } from '../context.ts';
import type { Editor } from '../model/editor.ts';
import { situationTarget } from '../model/situations.ts';
import type { SectionProps } from './section.ts';
import { besideSituationFieldName, serviceUiSchema, situationFieldName } from './service-ui.ts';
import { SituationEditor } from './situations/SituationEditor.tsx';

/**
 * Everything but what has an editor of its own (identity, form, materials, process) or is fixed by the draft, in the
 * order the section shows it: what the matter is, who implements it and where, its basis and conditions, how it is
 * handled, its time limits and fees, and what comes out.
 */
export const edited = [
  'title', 'summary', 'matterType', 'status', 'effectiveFrom', 'codes',
  'department', 'standardOwner', 'exerciseLevel', 'serviceObject', 'acceptanceScope', 'locations', 'contact',
  'legalBasis', 'acceptanceConditions', 'requires', 'lifeEvents',
  'handlingType', 'channels', 'onlineDepth', 'visits', 'visitReason',
  'timeLimit', 'fees', 'outputs', 'roles',
] as const;

const meta = definitionSchema as unknown as { $defs: Record<string, unknown>; properties: Record<string, unknown>; required: string[] };
/** The part of the meta-schema this section edits, with the meta-schema's definitions its `$ref`s point into. */
export const serviceSchema: RJSFSchema = {
  type: 'object',
  $defs: meta.$defs,
  properties: Object.fromEntries(edited.filter((k) => k in meta.properties).map((k) => [k, meta.properties[k]])),
  required: meta.required.filter((k) => (edited as readonly string[]).includes(k)),
} as RJSFSchema;

/** What the situation field reads from the form's context. */
interface ServiceContext {
  readonly editor: Editor;
  readonly definition: MatterDefinition;
  readonly readOnly: boolean;
  readonly problems: readonly Problem[];
  readonly selection: string | undefined;
}

// A condition in the service elements (a fee's `when`, `waivedWhen`): the situation editor, dispatching its own
// commands at the condition's pointer (rjsf's onChange is not called: the model's new state comes back as formData).
function SituationField({ fieldPathId, formData, registry }: FieldProps) {
  const { editor, definition, readOnly, problems, selection } = registry.formContext as ServiceContext;
  const target = `/${fieldPathId.path.map((t) => escapeToken(t)).join('/')}`;
  if (!situationTarget.test(target)) return null;
  const own = problems.filter((p) => p.pointer === target || p.pointer.startsWith(`${target}/`));
  const kind = target.endsWith('/waivedWhen') ? 'feeWaivedWhen' : target.startsWith('/fees/') ? 'feeWhen' : 'materialWhen';
  return <SituationEditor target={target} condition={formData} definition={definition} editor={editor} readOnly={readOnly} problems={own} kind={kind} selection={selection} />;
}
const fields = { [situationFieldName]: SituationField, [besideSituationFieldName]: () => null };

/** `value` as JSON has it: members holding undefined left out (rjsf keeps an emptied input's key). */
export const plainJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export function ServiceSection({ editor, state, readOnly, problems }: SectionProps) {
  const { t, locale } = useDesigner();
  const definition = state.definition as unknown as Record<string, unknown> | null;
  // rjsf's own words (add, remove, move up…) in the page's language, as the portal's form has them
  const translateString = useCallback((text: TranslatableString, params?: string[]) => translateRjsfString(locale, text, params), [locale]);
  const data = useMemo(() => Object.fromEntries(edited.filter((k) => definition && k in definition).map((k) => [k, definition![k]])), [definition]);
  const uiSchema = useMemo(() => serviceUiSchema(serviceSchema as Record<string, unknown>, t, edited), [t]);
  const formContext = useMemo<ServiceContext>(() => ({ editor, definition: state.definition, readOnly, problems, selection: state.selection }), [editor, state.definition, readOnly, problems, state.selection]);
  const onChange = useCallback((event: IChangeEvent) => {
    const next = (event.formData ?? {}) as Record<string, unknown>;
    for (const key of edited) {
      // an emptied box is an absent element (no statutory limit), not a member holding undefined
      const value = plainJson(next[key]);
      if (!jsonEqual(value, definition?.[key])) editor.dispatch({ name: 'set-value', args: { pointer: `/${key}`, value } });
    }
  }, [editor, definition]);
  return (
    <div className="service" data-testid="service">
      <Form schema={serviceSchema} uiSchema={uiSchema} formData={data} formContext={formContext} fields={fields} translateString={translateString} validator={noLiveChecks} onChange={onChange} noHtml5Validate disabled={readOnly} showErrorList={false} />
    </div>
  );
}

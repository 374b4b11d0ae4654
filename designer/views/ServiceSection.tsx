/**
 * The service elements (title, department, legal basis, acceptance conditions, handling, channels, time limits,
 * fees, visits, outputs, roles…) edited through a form generated from the meta-schema itself: rjsf renders the
 * definition's own schema, so a change of the format reaches the designer without new UI code. Each changed element
 * becomes one set-value command.
 */
import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useCallback, useMemo } from 'react';
import { definitionSchema } from '../../engine/index.ts';
import { jsonEqual } from '../../engine/json/equal.ts';
import { noLiveChecks } from '../../runtime/form/precompiled-runtime.ts';
import { useDesigner } from '../context.ts';
import type { SectionProps } from './section.ts';

// Everything but what has an editor of its own (identity, form, materials, process) or is fixed by the draft.
const edited = ['title', 'summary', 'matterType', 'department', 'legalBasis', 'acceptanceConditions', 'handlingType', 'channels', 'onlineDepth', 'lifeEvents', 'timeLimit', 'fees', 'visits', 'visitReason', 'outputs', 'roles'] as const;
const labels: Record<(typeof edited)[number], { zh: string; en: string }> = {
  title: { zh: '事项名称', en: 'Title' }, summary: { zh: '简介', en: 'Summary' }, matterType: { zh: '事项类型', en: 'Matter type' },
  department: { zh: '实施部门', en: 'Department' }, legalBasis: { zh: '设定依据', en: 'Legal basis' }, acceptanceConditions: { zh: '受理条件', en: 'Acceptance conditions' },
  handlingType: { zh: '办件类型', en: 'Handling' }, channels: { zh: '办理渠道', en: 'Channels' }, onlineDepth: { zh: '网办深度', en: 'Online depth' },
  lifeEvents: { zh: '生命周期事件', en: 'Life events' }, timeLimit: { zh: '办理时限', en: 'Time limits' }, fees: { zh: '收费', en: 'Fees' },
  visits: { zh: '到现场次数', en: 'On-site visits' }, visitReason: { zh: '到现场原因', en: 'Why a visit' }, outputs: { zh: '办理结果', en: 'Outputs' }, roles: { zh: '办理角色', en: 'Roles' },
};

const meta = definitionSchema as unknown as { $defs: Record<string, unknown>; properties: Record<string, unknown>; required: string[] };
/** The part of the meta-schema this section edits, with the meta-schema's definitions its `$ref`s point into. */
export const serviceSchema: RJSFSchema = {
  type: 'object',
  $defs: meta.$defs,
  properties: Object.fromEntries(edited.filter((k) => k in meta.properties).map((k) => [k, meta.properties[k]])),
  required: meta.required.filter((k) => (edited as readonly string[]).includes(k)),
} as RJSFSchema;

export function ServiceSection({ editor, state, readOnly }: SectionProps) {
  const { locale } = useDesigner();
  const definition = state.definition as unknown as Record<string, unknown> | null;
  const data = useMemo(() => Object.fromEntries(edited.filter((k) => definition && k in definition).map((k) => [k, definition![k]])), [definition]);
  const uiSchema = useMemo<UiSchema>(() => ({
    'ui:submitButtonOptions': { norender: true },
    ...Object.fromEntries(edited.map((k) => [k, { 'ui:title': labels[k][locale] }])),
  }), [locale]);
  const onChange = useCallback((event: IChangeEvent) => {
    const next = (event.formData ?? {}) as Record<string, unknown>;
    for (const key of edited) {
      if (!jsonEqual(next[key], definition?.[key])) editor.dispatch({ name: 'set-value', args: { pointer: `/${key}`, value: next[key] } });
    }
  }, [editor, definition]);
  return (
    <div className="service" data-testid="service">
      <Form schema={serviceSchema} uiSchema={uiSchema} formData={data} validator={noLiveChecks} onChange={onChange} noHtml5Validate disabled={readOnly} showErrorList={false} />
    </div>
  );
}

/**
 * The live preview: the form as the applicant portal renders it (the same MatterForm), prefilled and locked from a
 * demo citizen's shared data, in either language. Loaded on demand (rjsf is large).
 *
 * rjsf redraws a whole form on every change, which on a 1,000-field matter costs a keystroke hundreds of
 * milliseconds. So a form whose root holds only fields (no conditions or combinations across them) is previewed one
 * top-level field (group) at a time, each its own MatterForm: the editor's changes share every part they do not
 * touch, so only the group being edited is drawn again.
 */
import { Component, memo, useMemo, useState, type ReactNode } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import { isObject, parsePointer } from '../../engine/json/pointer.ts';
import { MatterForm } from '../../runtime/form/MatterForm.tsx';
import { noLiveChecks } from '../../runtime/form/precompiled-runtime.ts';
import { demoCitizens, demoRecords } from '../../runtime/shared-data/demo.ts';
import { useDesigner } from '../context.ts';
import type { Locale } from '../i18n.ts';

const records = demoRecords as Record<string, Record<string, Record<string, unknown>>>;
type Schema = Record<string, unknown>;
// Root keywords that relate the top-level fields to each other: such a form is previewed whole.
const acrossFields = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'patternProperties', 'propertyNames', 'unevaluatedProperties', 'minProperties', 'maxProperties', '$ref'];

/** The demo applicant's prefilled data and the verified (locked) values, as the runtime would start a case. */
export function demoPrefill(definition: MatterDefinition): { data: Record<string, unknown>; locked: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const locked: Record<string, unknown> = {};
  for (const p of Array.isArray(definition?.form?.prefill) ? definition.form.prefill : []) {
    const value = records[p?.item]?.[demoCitizens.zhangWei]?.[p?.value];
    const tokens = typeof p?.field === 'string' ? parsePointer(p.field) : undefined;
    if (value === undefined || !tokens?.length) continue;
    let node = data;
    tokens.slice(0, -1).forEach((t) => (node = (isObject(node[t]) ? node[t] : (node[t] = {})) as Record<string, unknown>));
    node[tokens.at(-1)!] = value;
    if (p.locked !== false) locked[p.field] = value;
  }
  return { data, locked };
}

export default function PreviewPanel({ definition, sharedSchemas }: { definition: MatterDefinition; sharedSchemas: readonly object[] }) {
  const { t, locale: appLocale } = useDesigner();
  const [locale, setLocale] = useState<Locale>(appLocale);
  const schema = definition?.form?.schema as Schema | undefined;
  const renderable = isObject(schema) && schema.type === 'object';
  const split = renderable && isObject(schema.properties) && !acrossFields.some((k) => k in schema);
  const prefill = useMemo(() => demoPrefill(definition), [definition?.form?.prefill]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="preview" data-testid="preview">
      <p>{t.previewAs}</p>
      <label>{t.previewLanguage}
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="preview-locale">
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {!renderable ? (
        <p role="status">{t.problemsCount(1)}</p>
      ) : split ? (
        Object.entries(schema.properties as Record<string, unknown>).map(([key, group]) => (
          <PreviewBoundary key={key}>
            <GroupPreview
              name={key} group={group} defs={schema.$defs} required={Array.isArray(schema.required) && schema.required.includes(key)}
              closed={schema.additionalProperties === false} ui={(definition.form.uiSchema as Schema | undefined)?.[key]} definition={definition}
              data={prefill.data[key]} locked={prefill.locked} locale={locale} sharedSchemas={sharedSchemas}
            />
          </PreviewBoundary>
        ))
      ) : (
        <PreviewBoundary key={JSON.stringify(schema).length}>
          <MatterForm definition={definition} locale={locale} formData={prefill.data} locked={prefill.locked} waived={[]} sharedSchemas={sharedSchemas} validator={noLiveChecks} hideActions />
        </PreviewBoundary>
      )}
    </div>
  );
}

interface GroupProps {
  name: string;
  group: unknown;
  defs: unknown;
  required: boolean;
  closed: boolean;
  ui: unknown;
  /** The whole definition, read only for what does not change the group's rendering (id, title). */
  definition: MatterDefinition;
  data: unknown;
  locked: Record<string, unknown>;
  locale: Locale;
  sharedSchemas: readonly object[];
}

// One top-level field as a form of its own; redrawn only when its own parts change.
const GroupPreview = memo(function GroupPreview({ name, group, defs, required, closed, ui, definition, data, locked, locale, sharedSchemas }: GroupProps) {
  const own = useMemo(() => {
    const schema: Schema = { type: 'object', properties: { [name]: group }, ...(required ? { required: [name] } : {}), ...(closed ? { additionalProperties: false } : {}), ...(defs !== undefined ? { $defs: defs } : {}) };
    return { ...definition, form: { ...definition.form, schema, ...(ui !== undefined ? { uiSchema: { [name]: ui } } : { uiSchema: undefined }) } } as MatterDefinition;
  }, [name, group, defs, required, closed, ui]); // eslint-disable-line react-hooks/exhaustive-deps
  const ownLocked = useMemo(() => Object.fromEntries(Object.entries(locked).filter(([p]) => p.startsWith(`/${name}/`) || p === `/${name}`)), [locked, name]);
  const formData = useMemo(() => (data === undefined ? {} : { [name]: data }), [data, name]);
  return <MatterForm definition={own} locale={locale} formData={formData} locked={ownLocked} waived={[]} sharedSchemas={sharedSchemas} validator={noLiveChecks} hideActions />;
}, (a, b) => a.name === b.name && a.group === b.group && a.defs === b.defs && a.required === b.required && a.closed === b.closed && a.ui === b.ui
  && a.data === b.data && a.locale === b.locale && a.sharedSchemas === b.sharedSchemas && JSON.stringify(a.locked) === JSON.stringify(b.locked));

// A draft's form may not render yet (a broken $ref, a half-typed schema): the preview says so and the page lives on.
class PreviewBoundary extends Component<{ children: ReactNode }, { failed?: string }> {
  override state: { failed?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.failed ? <p role="status" className="muted">{this.state.failed}</p> : this.props.children;
  }
}

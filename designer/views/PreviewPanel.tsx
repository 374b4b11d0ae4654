/**
 * The live preview: the form as the applicant portal renders it (the same MatterForm), prefilled and locked from a
 * demo citizen's shared data, in either language; below it, the materials that applicant would supply and the amount
 * due, following the answers typed into the preview (situations, 情形). Conditions are JSON Schemas compiled by ajv,
 * which generates code the page's Content-Security-Policy refuses to run: the analysis worker evaluates them (the
 * engine's situationOf) and the page only shows its answer. Loaded on demand (rjsf is large).
 *
 * rjsf redraws a whole form on every change, which on a 1,000-field matter costs a keystroke hundreds of
 * milliseconds. So a form whose root holds only fields (no conditions or combinations across them) is previewed one
 * top-level field (group) at a time, each its own MatterForm: the editor's changes share every part they do not
 * touch, so only the group being edited is drawn again.
 */
import { Component, memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import { isObject, parsePointer } from '../../engine/json/pointer.ts';
import { MatterForm } from '../../runtime/form/MatterForm.tsx';
import { noLiveChecks } from '../../runtime/form/precompiled-runtime.ts';
import { demoCitizens, demoRecords } from '../../runtime/shared-data/demo.ts';
import type { PreviewSituation } from '../analysis/protocol.ts';
import { useDesigner } from '../context.ts';
import { langOf, texts, type Locale } from '../i18n.ts';
import { situationWords } from './situations/words.ts';

const demo = demoRecords as Record<string, Record<string, Record<string, unknown>>>;
type Schema = Record<string, unknown>;
// Root keywords that relate the top-level fields to each other: such a form is previewed whole.
const acrossFields = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'patternProperties', 'propertyNames', 'unevaluatedProperties', 'minProperties', 'maxProperties', '$ref'];

/** The demo applicant's prefilled data and the verified (locked) values, as the runtime would start a case. */
export function demoPrefill(definition: MatterDefinition): { data: Record<string, unknown>; locked: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const locked: Record<string, unknown> = {};
  for (const p of Array.isArray(definition?.form?.prefill) ? definition.form.prefill : []) {
    const value = demo[p?.item]?.[demoCitizens.zhangWei]?.[p?.value];
    const tokens = typeof p?.field === 'string' ? parsePointer(p.field) : undefined;
    if (value === undefined || !tokens?.length) continue;
    let node = data;
    tokens.slice(0, -1).forEach((t) => (node = (isObject(node[t]) ? node[t] : (node[t] = {})) as Record<string, unknown>));
    node[tokens.at(-1)!] = value;
    if (p.locked !== false) locked[p.field] = value;
  }
  return { data, locked };
}

/** Asks the analysis worker which materials and fees apply to form data (see analysis/situate.ts). */
export type Situate = (definition: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown) => Promise<PreviewSituation>;

/** How long the answers must rest before the worker is asked again (ms). */
const situatePauseMs = 120;

export default function PreviewPanel({ definition, sharedSchemas, situate }: { definition: MatterDefinition; sharedSchemas: readonly object[]; situate?: Situate }) {
  const { t, locale: appLocale } = useDesigner();
  const [locale, setLocale] = useState<Locale>(appLocale);
  const schema = definition?.form?.schema as Schema | undefined;
  const renderable = isObject(schema) && schema.type === 'object';
  const split = renderable && isObject(schema.properties) && !acrossFields.some((k) => k in schema);
  const prefill = useMemo(() => demoPrefill(definition), [definition?.form?.prefill]); // eslint-disable-line react-hooks/exhaustive-deps
  // the applicant's answers so far: the prefilled data, then what is typed into the preview (per group when split)
  const [answers, setAnswers] = useState<Record<string, unknown>>(prefill.data);
  useEffect(() => setAnswers(prefill.data), [prefill]);
  const onAnswer = useCallback((name: string, value: unknown) => setAnswers((now) => (now[name] === value ? now : { ...now, [name]: value })), []);
  const onWhole = useCallback((data: unknown) => setAnswers(isObject(data) ? data : {}), []);
  const situation = useSituation(definition, answers, situate);
  return (
    <div className="preview" data-testid="preview">
      <p>{t.previewAs}</p>
      <label>{t.previewLanguage}
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="preview-locale">
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {situate && <SituationSummary definition={definition} situation={situation} locale={locale} />}
      {!renderable ? (
        <p role="status">{t.problemsCount(1)}</p>
      ) : split ? (
        Object.entries(schema.properties as Record<string, unknown>).map(([key, group]) => (
          <PreviewBoundary key={key}>
            <GroupPreview
              name={key} group={group} defs={schema.$defs} required={Array.isArray(schema.required) && schema.required.includes(key)}
              closed={schema.additionalProperties === false} ui={(definition.form.uiSchema as Schema | undefined)?.[key]} definition={definition}
              data={prefill.data[key]} locked={prefill.locked} locale={locale} sharedSchemas={sharedSchemas} onAnswer={onAnswer}
            />
          </PreviewBoundary>
        ))
      ) : (
        <PreviewBoundary key={JSON.stringify(schema).length}>
          <MatterForm definition={definition} locale={locale} formData={prefill.data} locked={prefill.locked} waived={[]} sharedSchemas={sharedSchemas} validator={noLiveChecks} onChange={onWhole} hideActions />
        </PreviewBoundary>
      )}
    </div>
  );
}

// The worker's answer for the current materials, fees and answers; the last one stays until the next arrives.
function useSituation(definition: MatterDefinition, answers: unknown, situate: Situate | undefined): PreviewSituation | undefined {
  const [situation, setSituation] = useState<PreviewSituation>();
  const materials = definition?.materials;
  const fees = definition?.fees;
  useEffect(() => {
    if (!situate) return;
    let live = true;
    const timer = setTimeout(() => {
      situate({ materials, fees }, answers).then((s) => live && setSituation(s), () => undefined);
    }, situatePauseMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [materials, fees, answers, situate]);
  return situation;
}

const records = demo as Record<string, Record<string, unknown>>;

// What the demo applicant supplies and pays, given the answers: materials (one-of groups together), fees, the total.
function SituationSummary({ definition, situation, locale }: { definition: MatterDefinition; situation: PreviewSituation | undefined; locale: Locale }) {
  const w = situationWords[locale];
  const necessities = texts[locale].necessities;
  const byId = new Map((Array.isArray(definition?.materials) ? definition.materials : []).map((m) => [m.id, m]));
  const fees = new Map((Array.isArray(definition?.fees) ? definition.fees : []).map((f) => [f.id, f]));
  const name = (id: string) => byId.get(id)?.name?.[locale] ?? id;
  // waived when the demo applicant's shared data holds the item that stands in for it (as the runtime would find)
  const waived = (id: string) => {
    const item = byId.get(id)?.sharedData?.item;
    return item !== undefined && records[item]?.[demoCitizens.zhangWei] !== undefined;
  };
  const shownGroups = new Set<string>();
  return (
    <section className="preview-situation" lang={langOf(locale)} aria-labelledby="preview-situation-heading" data-testid="preview-situation">
      <h2 id="preview-situation-heading" className="panel-heading">{w.previewMaterials}</h2>
      <div aria-live="polite" aria-busy={situation === undefined}>
        {situation === undefined ? <p className="muted">{w.previewPending}</p> : (
          <>
            {situation.materials.length === 0 ? <p>{w.previewNoMaterials}</p> : (
              <ul className="preview-materials" data-testid="preview-materials">
                {situation.materials.map((d) => {
                  if (d.group !== undefined) {
                    if (shownGroups.has(d.group)) return null;
                    shownGroups.add(d.group);
                    const group = situation.groups.find((g) => g.id === d.group);
                    const members = group?.members ?? [d.id];
                    return (
                      <li key={`group-${d.group}`} data-group={d.group} data-testid="preview-material">
                        {w.previewGroup(members.map(name).join(locale === 'zh' ? '、' : ', '))}
                        {members.some((id) => situation.materials.find((m) => m.id === id)?.conditional) && <span className="muted"> · {w.previewConditional}</span>}
                        {/* one alternative fetched through shared data satisfies the group */}
                        {members.some(waived) && <span className="muted"> · {w.previewWaived}</span>}
                      </li>
                    );
                  }
                  return (
                    <li key={d.id} data-material={d.id} data-testid="preview-material">
                      {name(d.id)} <span className="muted">· {necessities[byId.get(d.id)?.necessity ?? ''] ?? byId.get(d.id)?.necessity}</span>
                      {d.conditional && <span className="muted"> · {w.previewConditional}</span>}
                      {waived(d.id) && <span className="muted"> · {w.previewWaived}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
            <h3 className="panel-heading">{w.previewFees}</h3>
            {situation.fees.length === 0 ? <p data-testid="preview-amount">{w.previewFree}</p> : (
              <>
                <ul className="preview-fees">
                  {situation.fees.map((f) => (
                    <li key={f.id} data-fee={f.id}>
                      {w.previewFee(fees.get(f.id)?.name?.[locale] ?? f.id, f.amount)}{f.waived && <span className="muted"> · {w.previewFeeWaived}</span>}
                    </li>
                  ))}
                </ul>
                <p data-testid="preview-amount"><strong>{w.previewAmount(String(situation.amountDue))}</strong></p>
              </>
            )}
          </>
        )}
      </div>
    </section>
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
  /** The group's answer changed (its value in the form's data). */
  onAnswer: (name: string, value: unknown) => void;
}

// One top-level field as a form of its own; redrawn only when its own parts change.
const GroupPreview = memo(function GroupPreview({ name, group, defs, required, closed, ui, definition, data, locked, locale, sharedSchemas, onAnswer }: GroupProps) {
  const own = useMemo(() => {
    const schema: Schema = { type: 'object', properties: { [name]: group }, ...(required ? { required: [name] } : {}), ...(closed ? { additionalProperties: false } : {}), ...(defs !== undefined ? { $defs: defs } : {}) };
    return { ...definition, form: { ...definition.form, schema, ...(ui !== undefined ? { uiSchema: { [name]: ui } } : { uiSchema: undefined }) } } as MatterDefinition;
  }, [name, group, defs, required, closed, ui]); // eslint-disable-line react-hooks/exhaustive-deps
  const ownLocked = useMemo(() => Object.fromEntries(Object.entries(locked).filter(([p]) => p.startsWith(`/${name}/`) || p === `/${name}`)), [locked, name]);
  const formData = useMemo(() => (data === undefined ? {} : { [name]: data }), [data, name]);
  const onChange = useCallback((next: unknown) => onAnswer(name, isObject(next) ? next[name] : undefined), [onAnswer, name]);
  return <MatterForm definition={own} locale={locale} formData={formData} locked={ownLocked} waived={[]} sharedSchemas={sharedSchemas} validator={noLiveChecks} onChange={onChange} hideActions />;
}, (a, b) => a.onAnswer === b.onAnswer && a.name === b.name && a.group === b.group && a.defs === b.defs && a.required === b.required && a.closed === b.closed && a.ui === b.ui
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

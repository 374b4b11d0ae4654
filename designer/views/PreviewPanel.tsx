/**
 * The live preview: the form exactly as the applicant portal renders it (the same MatterForm), prefilled and locked
 * from a demo citizen's shared data, in either language. Loaded on demand (rjsf is large).
 */
import { Component, useMemo, useState, type ReactNode } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import { isObject, parsePointer } from '../../engine/json/pointer.ts';
import { MatterForm } from '../../runtime/form/MatterForm.tsx';
import { noLiveChecks } from '../../runtime/form/precompiled-runtime.ts';
import { demoCitizens, demoRecords } from '../../runtime/shared-data/demo.ts';
import { useDesigner } from '../context.ts';
import type { Locale } from '../i18n.ts';

const records = demoRecords as Record<string, Record<string, Record<string, unknown>>>;

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
  const prefill = useMemo(() => demoPrefill(definition), [definition]);
  const renderable = isObject(definition?.form?.schema) && definition.form.schema.type === 'object';
  return (
    <div className="preview" data-testid="preview">
      <p>{t.previewAs}</p>
      <label>{t.previewLanguage}
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="preview-locale">
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {renderable ? (
        <PreviewErrorBoundary key={JSON.stringify(definition.form.schema).length}>
          <MatterForm definition={definition} locale={locale} formData={prefill.data} locked={prefill.locked} waived={[]} sharedSchemas={sharedSchemas} validator={noLiveChecks} />
        </PreviewErrorBoundary>
      ) : (
        <p role="status">{t.problemsCount(1)}</p>
      )}
    </div>
  );
}


// A draft's form may not render yet (a broken $ref, a half-typed schema): the preview says so and the page lives on.
class PreviewErrorBoundary extends Component<{ children: ReactNode }, { failed?: string }> {
  override state: { failed?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.failed ? <p role="status" className="muted">{this.state.failed}</p> : this.props.children;
  }
}

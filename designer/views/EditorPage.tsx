/**
 * The editor of one draft: the editor model (commands, undo/redo) holds the definition; sections edit it (fields,
 * materials, service elements, JSON); panels show what the analysis worker found (problems, the diff against the top
 * runner with its level-up plan) and the live preview. Every change autosaves (debounced) at the draft's revision.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MatterDefinition, SharedDataCatalogue, SourceDocument } from '../../engine/index.ts';
import { api } from '../../runtime/web/api.ts';
import { AnalysisClient } from '../analysis/client.ts';
import type { Analysis } from '../analysis/protocol.ts';
import { canEdit, inScope, isProvinceOfficial, useDesigner } from '../context.ts';
import { Editor, initialState } from '../model/editor.ts';
import type { Draft } from '../types.ts';
import { useAutosave } from './autosave.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { DiffPanel } from './DiffPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { ImportFormDialog } from './ImportFormDialog.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import type { DesignContext } from './section.ts';
import { sectionOf } from './selection.ts';
import { ServiceSection } from './ServiceSection.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useEditorState } from './useEditor.ts';
import { FieldsSection } from './fields/FieldsSection.tsx';
import { JsonSection } from './json/JsonSection.tsx';
import { RunningCasesPanel } from './cases/RunningCasesPanel.tsx';

const PreviewPanel = lazy(() => import('./PreviewPanel.tsx'));
const Process = lazy(() => import('./process/ProcessSection.tsx')); // React Flow and dagre load with the tab
const SimulatorPanel = lazy(() => import('./simulator/SimulatorPanel.tsx'));
// sections re-render when the definition, the selection or their problems change — not when an analysis arrives
// with the same problems (a 1,000-field tree must not redraw for a diff panel update)
const Fields = memo(FieldsSection);
const Materials = memo(MaterialsSection);
const Service = memo(ServiceSection);
const Json = memo(JsonSection);
const noProblems: Analysis['problems'] = [];
const sections = ['fields', 'materials', 'service', 'process', 'json'] as const;
const panels = ['problems', 'diff', 'preview', 'compare', 'history', 'simulate', 'cases'] as const;
type Section = (typeof sections)[number];
type Panel = (typeof panels)[number];

export function EditorPage({ id }: { id: string }) {
  const { t, user, regions } = useDesigner();
  const [draft, setDraft] = useState<Draft>();
  const [context, setContext] = useState<{ design: DesignContext; sources: SourceDocument[] }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<Draft>(`/api/drafts/${id}`).then(setDraft, (e: unknown) => setError((e as Error).message));
    api.get<{ sources: SourceDocument[] }>('/api/designer/context').then(({ sources }) => {
      const parsed = sources.map((s) => ({ file: s.file, value: JSON.parse(s.text) as Record<string, unknown> }));
      const sharedData = parsed.find((p) => p.value.kind === 'shared-data-catalogue')?.value as SharedDataCatalogue | undefined;
      const sharedSchemas = parsed.filter((p) => typeof p.value.$id === 'string' && p.value.kind === undefined).map((p) => p.value);
      setContext({ design: { sharedData, sharedSchemas }, sources });
    }, (e: unknown) => setError((e as Error).message));
  }, [id]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!draft || !context) return <p aria-busy="true">{t.loading}</p>;
  const readOnly = !canEdit(user) || !(isProvinceOfficial(user, regions) || (draft.kind === 'variant' && inScope(user, draft.region, regions)));
  return <DraftEditor draft={draft} context={context} readOnly={readOnly} />;
}

function DraftEditor({ draft, context, readOnly }: { draft: Draft; context: { design: DesignContext; sources: SourceDocument[] }; readOnly: boolean }) {
  const { t, locale } = useDesigner();
  const editor = useMemo(() => new Editor(initialState(draft.definition)), [draft]);
  const state = useEditorState(editor);
  const [analysis, setAnalysis] = useState<Analysis>();
  const [section, setSection] = useState<Section>('fields');
  const [panel, setPanel] = useState<Panel>('diff');
  const [publishing, setPublishing] = useState(false);
  const [importing, setImporting] = useState(false);
  const against = draft.against?.definition;
  const client = useRef<AnalysisClient>(undefined);
  useEffect(() => {
    const c = new AnalysisClient((a) => {
      performance.mark('onematter:analysis'); // the diff panel measures its update from here (bench:designer)
      setAnalysis(a);
    });
    c.setContext(context.sources);
    client.current = c;
    return () => c.dispose();
  }, [context.sources]);
  useEffect(() => client.current?.analyze(state.revision, state.definition, against), [state.revision, state.definition, against]);
  // the preview's situations are evaluated in the worker (conditions compile; the page's CSP allows no eval)
  const situate = useCallback((d: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown) => client.current?.situation(d, data) ?? Promise.reject(new Error('no worker')), []);
  const save = useAutosave(draft, state.definition, readOnly, (definition) => editor.reset(initialState(definition)));

  // following a problem or a change: select what it points at and show the section that edits it
  const follow = useCallback((pointer: string) => {
    editor.select(pointer);
    setSection((current) => (current === 'json' ? current : sectionOf(pointer))); // the JSON view shows every element
  }, [editor]);

  const current = analysis?.revision === state.revision ? analysis : undefined;
  const title = state.definition?.title?.[locale] ?? draft.matterId;
  const problems = useStable(analysis?.problems ?? noProblems);
  const props = { editor, state, problems, readOnly, context: context.design };
  return (
    <div className="editor" data-testid="editor">
      <h1>{t.editorOf(title)}</h1>
      <Toolbar editor={editor} state={state} save={save} readOnly={readOnly} onPublish={() => setPublishing(true)} problems={current?.problems.length} />
      <div className="editor-body">
        <div className="editor-main">
          <div role="tablist" aria-label={t.appName} className="tabs">
            {sections.map((s) => (
              <button key={s} role="tab" type="button" id={`tab-${s}`} aria-selected={section === s} aria-controls={`section-${s}`} tabIndex={section === s ? 0 : -1} onClick={() => setSection(s)} onKeyDown={(e) => tabKeys(e.key, sections, s, setSection)}>
                {t.sections[s]}
              </button>
            ))}
          </div>
          {section === 'fields' && !readOnly && (
            <p className="section-actions"><button type="button" className="btn btn-small" onClick={() => setImporting(true)} data-testid="import-form">{locale === 'zh' ? '导入表单…' : 'Import a form…'}</button></p>
          )}
          <div role="tabpanel" id={`section-${section}`} aria-labelledby={`tab-${section}`} className="section">
            {section === 'fields' && <Fields {...props} />}
            {section === 'materials' && <Materials {...props} />}
            {section === 'service' && <Service {...props} />}
            {section === 'process' && <Suspense fallback={<p aria-busy="true">{t.loading}</p>}><Process {...props} /></Suspense>}
            {section === 'json' && <Json {...props} />}
          </div>
        </div>
        <aside className="editor-side" aria-label={t.panels.diff}>
          <div role="tablist" aria-label={t.panels.diff} className="tabs">
            {panels.map((p) => (
              <button key={p} role="tab" type="button" id={`panel-tab-${p}`} aria-selected={panel === p} aria-controls={`panel-${p}`} tabIndex={panel === p ? 0 : -1} onClick={() => setPanel(p)} onKeyDown={(e) => tabKeys(e.key, panels, p, setPanel)} data-testid={`panel-tab-${p}`}>
                {t.panels[p]}{p === 'problems' && analysis ? ` (${analysis.problems.length})` : ''}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`panel-tab-${panel}`} className="panel">
            {panel === 'problems' && <ProblemsPanel analysis={analysis} stale={!current} onSelect={follow} />}
            {panel === 'diff' && <DiffPanel analysis={analysis} stale={!current} hasAgainst={against !== undefined} editor={editor} readOnly={readOnly} onSelect={follow} />}
            {panel === 'preview' && (
              <Suspense fallback={<p aria-busy="true">{t.loading}</p>}>
                <PreviewPanel definition={state.definition as MatterDefinition} sharedSchemas={context.design.sharedSchemas} situate={situate} />
              </Suspense>
            )}
            {panel === 'compare' && <ComparePanel draft={state.definition} against={against} onSelect={follow} />}
            {panel === 'history' && <HistoryPanel matterId={draft.matterId} region={draft.region} sharedSchemas={context.design.sharedSchemas} />}
            {panel === 'cases' && <RunningCasesPanel matterId={draft.matterId} region={draft.region} canMigrate={!readOnly} />}
            {panel === 'simulate' && (
              <Suspense fallback={<p aria-busy="true">{t.loading}</p>}>
                <SimulatorPanel definition={state.definition as MatterDefinition} sharedSchemas={context.design.sharedSchemas} />
              </Suspense>
            )}
          </div>
        </aside>
      </div>
      {importing && client.current && <ImportFormDialog client={client.current} editor={editor} onClose={() => setImporting(false)} />}
      {publishing && <PublishDialog draft={draft} save={save} analysis={current} definition={state.definition} sharedSchemas={context.design.sharedSchemas} onClose={() => setPublishing(false)} onShowCases={() => { setPublishing(false); setPanel('cases'); }} />}
    </div>
  );
}

// Arrow keys move between tabs (the WAI-ARIA tabs pattern).
function tabKeys<T extends string>(key: string, all: readonly T[], current: T, set: (next: T) => void): void {
  const i = all.indexOf(current);
  const next = key === 'ArrowRight' ? all[(i + 1) % all.length] : key === 'ArrowLeft' ? all[(i - 1 + all.length) % all.length] : key === 'Home' ? all[0] : key === 'End' ? all.at(-1) : undefined;
  if (next === undefined) return;
  set(next);
  window.requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus() ?? document.getElementById(`panel-tab-${next}`)?.focus());
}

// The same array while the content stays the same (problems are data: compared by their text).
function useStable<T>(value: readonly T[]): readonly T[] {
  const kept = useRef(value);
  const key = useRef(JSON.stringify(value));
  const next = JSON.stringify(value);
  if (next !== key.current) {
    kept.current = value;
    key.current = next;
  }
  return kept.current;
}

/**
 * The editor of one bundle (一件事): its service (title, event, lead department, submission, promised days, visits),
 * its members (added from the catalogue, removed, reordered, keyed, each with its department) and its facts (a field
 * of one member and the same fact in another). Every edit is a command of the bundle model (model/bundle.ts) with
 * undo and redo; on every edit the page composes the bundle with the engine's compose() and shows the problems
 * (a conflict links to its fact), the saving and the composed form. Publishing is not offered: the JSON downloads.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { renderMessage, type BundleDefinition, type Loaded, type MatterDefinition, type ProblemCode, type SourceDocument } from '../../../engine/index.ts';
import { api } from '../../../runtime/web/api.ts';
import { Link } from '../../../runtime/web/router.tsx';
import { useUndoKeys } from '../undo-keys.ts';
import { canEdit, inScope, isProvinceOfficial, useDesigner } from '../../context.ts';
import { BundleCommandError, BundleEditor, bundleFileText, composeBundle, eventsOf, initialBundleState, memberFields, type BundleCommand, type BundleProblem, type BundleView } from '../../model/bundle.ts';
import type { CatalogueEntry, CataloguePage } from '../../types.ts';
import { bundleName, type BundleEntry } from './BundlesPage.tsx';
import { useBundleWords } from './words.ts';

const PreviewPanel = lazy(() => import('../PreviewPanel.tsx'));

type Words = ReturnType<typeof useBundleWords>;
/** A member's matter as the members route is asked for it: `id`, or `id@version` when pinned. */
const refOf = (m: BundleDefinition['members'][number]) => (m.matter.version ? `${m.matter.id}@${m.matter.version}` : m.matter.id);
/** The element that shows what a pointer into the bundle names (problems link to it). */
const domId = (pointer: string) => `bundle${pointer.replace(/[^A-Za-z0-9]/g, '-')}`;

export function BundleEditorPage({ name }: { name: string }) {
  const { t, user, regions } = useDesigner();
  const w = useBundleWords();
  const [entry, setEntry] = useState<BundleEntry | null>();
  const [sharedSchemas, setSharedSchemas] = useState<object[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<{ bundles: BundleEntry[] }>('/api/designer/bundles').then((r) => setEntry(r.bundles.find((b) => bundleName(b.file) === name) ?? null), (e: unknown) => setError((e as Error).message));
    api.get<{ sources: SourceDocument[] }>('/api/designer/context').then(({ sources }) => {
      const parsed = sources.map((s) => JSON.parse(s.text) as Record<string, unknown>);
      setSharedSchemas(parsed.filter((p) => typeof p.$id === 'string' && p.kind === undefined));
    }, (e: unknown) => setError((e as Error).message));
  }, [name]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (entry === null) return <><h1>{w.notFound(name)}</h1><p><Link to="/designer/bundles">{w.back}</Link></p></>;
  if (!entry || !sharedSchemas) return <p aria-busy="true">{t.loading}</p>;
  const readOnly = !canEdit(user) || !(isProvinceOfficial(user, regions) || inScope(user, entry.bundle.region.code, regions));
  return <BundleEditorView entry={entry} sharedSchemas={sharedSchemas} readOnly={readOnly} />;
}

/** The definitions of the members' matters, fetched once per matter reference as members appear. */
function useMemberDefinitions(region: string, refs: readonly string[]): { available: Loaded<MatterDefinition>[]; byRef: ReadonlyMap<string, Loaded<MatterDefinition> | null>; pending: boolean } {
  const [byRef, setByRef] = useState<ReadonlyMap<string, Loaded<MatterDefinition> | null>>(new Map());
  const asked = useRef(new Set<string>());
  const key = refs.join(' ');
  useEffect(() => {
    const wanted = refs.filter((r) => !asked.current.has(r));
    if (wanted.length === 0) return;
    wanted.forEach((r) => asked.current.add(r));
    const query = new URLSearchParams([['region', region], ...wanted.map((r) => ['matter', r])]);
    api.get<{ definitions: { file: string; id: string; version: string; definition: MatterDefinition }[]; missing: string[] }>(`/api/designer/bundle-members?${query}`).then((reply) => {
      setByRef((now) => {
        const next = new Map(now);
        for (const ref of wanted) {
          const [id, version] = ref.split('@');
          const found = reply.definitions.find((d) => d.id === id && (version === undefined || d.version === version));
          next.set(ref, found ? { file: found.file, value: found.definition } : null);
        }
        return next;
      });
    }, () => {
      wanted.forEach((r) => asked.current.delete(r)); // asked again with the next change
    });
  }, [key, region]); // eslint-disable-line react-hooks/exhaustive-deps
  const available = useMemo(() => [...byRef.values()].filter((d): d is Loaded<MatterDefinition> => d !== null), [byRef]);
  return { available, byRef, pending: refs.some((r) => !byRef.has(r)) };
}

function BundleEditorView({ entry, sharedSchemas, readOnly }: { entry: BundleEntry; sharedSchemas: readonly object[]; readOnly: boolean }) {
  const { t, locale } = useDesigner();
  const w = useBundleWords();
  const editor = useMemo(() => new BundleEditor(initialBundleState(entry.bundle)), [entry]);
  const state = useSyncExternalStore((l) => editor.subscribe(l), () => editor.state);
  const bundle = state.bundle;
  const [failure, setFailure] = useState<string>();
  const run = useCallback((command: BundleCommand): boolean => {
    try {
      editor.dispatch(command);
      setFailure(undefined);
      return true;
    } catch (e) {
      if (!(e instanceof BundleCommandError)) throw e;
      setFailure(w.bundleError(e.message));
      return false;
    }
  }, [editor, w]);
  const refs = useMemo(() => bundle.members.map(refOf), [bundle.members]);
  const members = useMemberDefinitions(bundle.region.code, refs);
  const view = useMemo<BundleView | undefined>(() => (members.pending ? undefined : composeBundle(bundle, members.available, entry.file)), [bundle, members.available, members.pending, entry.file]);
  const definitionOf = (ref: string) => members.byRef.get(ref);

  useUndoKeys(editor, readOnly);

  // following a problem: select what it points at and bring it into view (the nearest element that shows it)
  const follow = useCallback((pointer: string) => {
    editor.select(pointer);
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const el = document.getElementById(domId(at));
      if (el) {
        el.scrollIntoView?.({ block: 'center' });
        el.focus();
        return;
      }
      if (!at) return;
    }
  }, [editor]);

  const download = () => {
    const url = URL.createObjectURL(new Blob([bundleFileText(bundle)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${bundleName(entry.file)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const last = state.done.at(-1);
  const next = state.undone.at(-1);
  const props = { bundle, run, readOnly, w, locale, selection: state.selection };
  return (
    <div className="editor bundle-editor" data-testid="bundle-editor">
      <p><Link to="/designer/bundles">{w.back}</Link></p>
      <h1>{(readOnly ? w.viewOf : w.editorOf)(bundle.title[locale] || entry.id)}</h1>
      <div className="toolbar" role="toolbar" aria-label={w.editorOf(bundle.title[locale] || entry.id)}>
        <button type="button" className="btn btn-small" disabled={readOnly || !last} onClick={() => editor.undo()} title={last?.label[locale]} data-testid="undo">{t.undo}</button>
        <button type="button" className="btn btn-small" disabled={readOnly || !next} onClick={() => editor.redo()} title={next?.label[locale]} data-testid="redo">{t.redo}</button>
        <span className="muted" role="status" data-testid="bundle-history">{last ? last.label[locale] : ''}</span>
        <button type="button" className="btn btn-small bundle-download" onClick={download} data-testid="bundle-download">{w.download}</button>
      </div>
      <p className="muted" data-testid="publish-note">{w.publishNote}</p>
      {readOnly && <p className="warning">{w.readOnly}</p>}
      {failure && <p role="alert" className="error" data-testid="bundle-error">{failure}</p>}
      <div className="editor-body">
        <div className="editor-main">
          <ServiceSection {...props} />
          <MembersSection {...props} definitionOf={definitionOf} />
          <FactsSection {...props} definitionOf={definitionOf} />
        </div>
        <aside className="editor-side bundle-side" aria-label={w.problemsHeading}>
          <ProblemsList view={view} bundle={bundle} w={w} locale={locale} onFollow={follow} />
          <SavingTable view={view} w={w} />
          <section aria-labelledby="bundle-preview-heading" className="bundle-preview" data-testid="bundle-preview">
            <h2 id="bundle-preview-heading" className="panel-heading">{w.previewHeading}</h2>
            {view?.composition?.definition ? (
              <fieldset disabled className="bundle-preview-form">
                <legend className="visually-hidden">{w.previewHeading}</legend>
                <Suspense fallback={<p aria-busy="true">{w.pending}</p>}>
                  <PreviewPanel key={locale} definition={view.composition.definition} sharedSchemas={sharedSchemas} />
                </Suspense>
              </fieldset>
            ) : <p className="muted">{view ? w.noComposition : w.pending}</p>}
          </section>
        </aside>
      </div>
    </div>
  );
}

interface SectionProps {
  bundle: BundleDefinition;
  run: (command: BundleCommand) => boolean;
  readOnly: boolean;
  w: Words;
  locale: 'zh' | 'en';
  selection: string | undefined;
}

function ServiceSection({ bundle, run, readOnly, w }: SectionProps) {
  const id = useId();
  const text = (pointer: string, label: string, value: string | undefined, testId: string) => (
    <label>{label}
      <input value={value ?? ''} readOnly={readOnly} onChange={(e) => run({ name: 'set-bundle-value', args: { pointer, value: e.target.value } })} data-testid={testId} />
    </label>
  );
  return (
    <section aria-labelledby={`${id}-h`} className="bundle-section">
      <h2 id={`${id}-h`}>{w.serviceHeading}</h2>
      <div className="bundle-grid">
        <div id={domId('/title')} tabIndex={-1} className="field-pair">
          {text('/title/zh', w.titleZh, bundle.title.zh, 'bundle-title-zh')}
          {text('/title/en', w.titleEn, bundle.title.en, 'bundle-title-en')}
        </div>
        <div id={domId('/event')} tabIndex={-1} className="field-pair">
          <label>{w.eventType}
            <select value={bundle.eventType} disabled={readOnly} onChange={(e) => run({ name: 'set-event', args: { eventType: e.target.value as BundleDefinition['eventType'] } })} data-testid="bundle-event-type">
              {(['life', 'business'] as const).map((t) => <option key={t} value={t}>{w.eventTypes[t]}</option>)}
            </select>
          </label>
          <label>{w.event}
            <select value={bundle.event} disabled={readOnly} onChange={(e) => run({ name: 'set-event', args: { eventType: bundle.eventType, event: e.target.value as BundleDefinition['event'] } })} data-testid="bundle-event">
              {eventsOf[bundle.eventType].map((e) => <option key={e} value={e}>{w.events[e]}</option>)}
            </select>
          </label>
        </div>
        <div id={domId('/leadDepartment/name')} tabIndex={-1} className="field-pair">
          {text('/leadDepartment/name/zh', w.leadZh, bundle.leadDepartment.name.zh, 'bundle-lead-zh')}
          {text('/leadDepartment/name/en', w.leadEn, bundle.leadDepartment.name.en, 'bundle-lead-en')}
        </div>
      </div>
      <fieldset id={domId('/submission')} tabIndex={-1} className="bundle-submission">
        <legend>{w.submission}</legend>
        {(['once', 'separate'] as const).map((s) => (
          <label key={s} className="check">
            <input type="radio" name={`${id}-submission`} value={s} checked={bundle.submission === s} disabled={readOnly} onChange={() => run({ name: 'set-submission', args: { submission: s } })} data-testid={`bundle-submission-${s}`} /> {w.submissions[s]}
          </label>
        ))}
      </fieldset>
      <div className="bundle-grid">
        <div id={domId('/timeLimit')} tabIndex={-1}>
          <NumberInput label={w.promisedDays} value={bundle.timeLimit.promisedDays} max={365} readOnly={readOnly} onValue={(days) => run({ name: 'set-promised-days', args: { days } })} testId="bundle-promised-days" />
        </div>
        <div id={domId('/visits')} tabIndex={-1}>
          <NumberInput label={w.visits} value={bundle.visits} max={20} readOnly={readOnly} onValue={(visits) => run({ name: 'set-visits', args: { visits } })} testId="bundle-visits" />
        </div>
      </div>
      {(bundle.visits > 0 || bundle.visitReason) && (
        <div id={domId('/visitReason')} tabIndex={-1} className="bundle-grid">
          {text('/visitReason/zh', w.visitReasonZh, bundle.visitReason?.zh, 'bundle-visit-reason-zh')}
          {text('/visitReason/en', w.visitReasonEn, bundle.visitReason?.en, 'bundle-visit-reason-en')}
        </div>
      )}
    </section>
  );
}

// A whole number typed freely: the command runs once the text is a number in range; otherwise the text waits.
function NumberInput({ label, value, max, readOnly, onValue, testId }: { label: string; value: number; max: number; readOnly: boolean; onValue: (n: number) => boolean; testId: string }) {
  const [textValue, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <label>{label}
      <input type="number" inputMode="numeric" min={0} max={max} step={1} value={textValue} readOnly={readOnly} data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(n) && n >= 0 && n <= max && n !== value) onValue(n);
        }}
      />
    </label>
  );
}

// A key or department id: edited as text, the command runs when the field is left or Enter is pressed.
function CommitInput({ label, value, readOnly, onCommit, testId }: { label: string; value: string; readOnly: boolean; onCommit: (v: string) => boolean; testId: string }) {
  const [textValue, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (textValue !== value && !onCommit(textValue)) setText(value);
  };
  return (
    <label>{label}
      <input value={textValue} readOnly={readOnly} spellCheck={false} className="code" data-testid={testId} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </label>
  );
}

function MembersSection({ bundle, run, readOnly, w, locale, selection, definitionOf }: SectionProps & { definitionOf: (ref: string) => Loaded<MatterDefinition> | null | undefined }) {
  const id = useId();
  const n = bundle.members.length;
  return (
    <section aria-labelledby={`${id}-h`} className="bundle-section" id={domId('/members')} tabIndex={-1}>
      <h2 id={`${id}-h`}>{w.membersHeading} ({n})</h2>
      <ol className="bundle-members">
        {bundle.members.map((m, i) => {
          const def = definitionOf(refOf(m));
          const pointer = `/members/${i}`;
          return (
            <li key={`${m.key}-${m.matter.id}`} id={domId(pointer)} tabIndex={-1} className={selection?.startsWith(pointer) ? 'selected' : undefined} data-testid="bundle-member" data-key={m.key}>
              <div className="member-head">
                <strong>{def ? def.value.title[locale] : def === null ? w.missingMember : w.loadingMember}</strong>{' '}
                <span className="code muted">{m.matter.id}{def ? `@${def.value.version}` : m.matter.version ? `@${m.matter.version}` : ''}</span>
                {def && <span className="muted"> · {def.value.department.name[locale]}</span>}
              </div>
              <div className="inline-form">
                <CommitInput label={w.memberKey} value={m.key} readOnly={readOnly} onCommit={(key) => run({ name: 'set-member-key', args: { index: i, key } })} testId="member-key" />
                <CommitInput label={w.memberDepartment} value={m.department} readOnly={readOnly} onCommit={(department) => run({ name: 'set-member-department', args: { index: i, department } })} testId="member-department" />
                {!readOnly && (
                  <span className="row-actions">
                    <button type="button" className="btn btn-small" disabled={i === 0} aria-label={w.moveUp(m.key)} onClick={() => run({ name: 'move-member', args: { from: i, to: i - 1 } })}>{w.up}</button>
                    <button type="button" className="btn btn-small" disabled={i === n - 1} aria-label={w.moveDown(m.key)} onClick={() => run({ name: 'move-member', args: { from: i, to: i + 1 } })}>{w.down}</button>
                    <button type="button" className="btn btn-small" aria-label={w.remove(m.key)} onClick={() => run({ name: 'remove-member', args: { index: i } })} data-testid="member-remove">{w.removeLabel}</button>
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!readOnly && <AddMember bundle={bundle} run={run} w={w} locale={locale} />}
    </section>
  );
}

const suggestKey = (title: string, taken: ReadonlySet<string>): string => {
  const words = title.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 3);
  const base = words.map((x, i) => (i === 0 ? x : x[0]!.toUpperCase() + x.slice(1))).join('') || 'member';
  const start = /^[a-z]/.test(base) ? base : `m${base}`;
  let key = start;
  for (let i = 2; taken.has(key); i++) key = `${start}${i}`;
  return key;
};

function AddMember({ bundle, run, w, locale }: { bundle: BundleDefinition; run: SectionProps['run']; w: Words; locale: 'zh' | 'en' }) {
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<CatalogueEntry[]>();
  const [chosen, setChosen] = useState<CatalogueEntry>();
  const [key, setKey] = useState('');
  const [department, setDepartment] = useState('');
  useEffect(() => {
    if (!q.trim()) return setResults(undefined);
    let live = true;
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams({ q: q.trim(), kind: 'baseline', limit: '8' });
      api.get<CataloguePage>(`/api/designer/catalogue?${params}`).then((p) => live && setResults(p.entries), () => live && setResults([]));
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q]);
  const choose = (e: CatalogueEntry) => {
    setChosen(e);
    setKey(suggestKey(e.title.en, new Set(bundle.members.map((m) => m.key))));
    setDepartment((e.id.split('-')[1] ?? 'dept').toLowerCase().replace(/^[^a-z]+/, '') || 'dept');
  };
  const add = () => {
    if (!chosen) return;
    if (run({ name: 'add-member', args: { key, matter: { id: chosen.id }, department } })) {
      setChosen(undefined);
      setQ('');
    }
  };
  const members = new Set(bundle.members.map((m) => m.matter.id));
  return (
    <div className="bundle-add" role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{w.addMember}</h3>
      <label>{w.searchMatter}
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="member-search" />
      </label>
      {results && (results.length === 0 ? <p className="muted">{w.noMatches}</p> : (
        <ul className="bundle-results" aria-label={w.searchMatter}>
          {results.map((e) => (
            <li key={`${e.id}-${e.region}`}>
              <button type="button" className="link" aria-pressed={chosen?.id === e.id} disabled={members.has(e.id)} onClick={() => choose(e)} data-testid="member-result">
                {w.chooseMatter(e.title[locale], e.id)}
              </button>
            </li>
          ))}
        </ul>
      ))}
      {chosen && (
        <div className="inline-form">
          <p className="bundle-chosen">{w.chosen(chosen.title[locale], chosen.id)}</p>
          <label>{w.memberKey}<input className="code" value={key} spellCheck={false} onChange={(e) => setKey(e.target.value)} data-testid="new-member-key" /></label>
          <label>{w.memberDepartment}<input className="code" value={department} spellCheck={false} onChange={(e) => setDepartment(e.target.value)} data-testid="new-member-department" /></label>
          <button type="button" className="btn btn-small" onClick={add} data-testid="add-member">{w.add}</button>
        </div>
      )}
    </div>
  );
}

function FactsSection({ bundle, run, readOnly, w, selection, definitionOf }: SectionProps & { definitionOf: (ref: string) => Loaded<MatterDefinition> | null | undefined }) {
  const id = useId();
  const fieldsOf = useMemo(() => {
    const map = new Map<string, { pointer: string; title: string }[]>();
    for (const m of bundle.members) {
      const def = definitionOf(refOf(m));
      map.set(m.key, def ? memberFields(def.value) : []);
    }
    return map;
  }, [bundle.members, definitionOf]);
  const titleOf = (member: string, field: string) => fieldsOf.get(member)?.find((f) => f.pointer === field)?.title;
  const facts = bundle.facts ?? [];
  return (
    <section aria-labelledby={`${id}-h`} className="bundle-section" id={domId('/facts')} tabIndex={-1}>
      <h2 id={`${id}-h`}>{w.factsHeading} ({facts.length})</h2>
      <p className="muted">{w.factsIntro}</p>
      {facts.length === 0 ? <p>{w.noFacts}</p> : (
        <ul className="bundle-facts">
          {facts.map((f, i) => {
            const pointer = `/facts/${i}`;
            return (
              <li key={`${f.id}-${i}`} id={domId(pointer)} tabIndex={-1} className={selection === pointer || selection?.startsWith(`${pointer}/`) ? 'selected' : undefined} data-testid="bundle-fact" data-fact={f.id}>
                <span className="code">{f.id}</span>:{' '}
                {f.fields.map((x, j): ReactNode => (
                  <span key={`${x.member}${x.field}`}>
                    {j > 0 && ' = '}
                    <span className="code">{x.member}</span> {titleOf(x.member, x.field) ?? ''} <span className="code muted">{x.field}</span>
                  </span>
                ))}
                {!readOnly && <> <button type="button" className="btn btn-small" aria-label={w.remove(w.factLabel(f.id))} onClick={() => run({ name: 'remove-fact', args: { index: i } })} data-testid="fact-remove">{w.removeLabel}</button></>}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && <AddFact bundle={bundle} run={run} w={w} fieldsOf={fieldsOf} />}
    </section>
  );
}

function AddFact({ bundle, run, w, fieldsOf }: { bundle: BundleDefinition; run: SectionProps['run']; w: Words; fieldsOf: ReadonlyMap<string, { pointer: string; title: string }[]> }) {
  const id = useId();
  const [a, setA] = useState({ member: '', field: '' });
  const [b, setB] = useState({ member: '', field: '' });
  const keys = bundle.members.map((m) => m.key);
  const pick = (side: { member: string; field: string }, set: (v: { member: string; field: string }) => void, other: string, labels: [string, string], testId: string) => (
    <>
      <label>{labels[0]}
        <select value={side.member} onChange={(e) => set({ member: e.target.value, field: '' })} data-testid={`${testId}-member`}>
          <option value="">{w.chooseMember}</option>
          {keys.filter((k) => k !== other).map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </label>
      <label>{labels[1]}
        <select value={side.field} disabled={!side.member} onChange={(e) => set({ ...side, field: e.target.value })} data-testid={`${testId}-field`}>
          <option value="">{w.chooseField}</option>
          {(fieldsOf.get(side.member) ?? []).map((f) => <option key={f.pointer} value={f.pointer}>{f.title} ({f.pointer})</option>)}
        </select>
      </label>
    </>
  );
  const ready = a.member && a.field && b.member && b.field && a.member !== b.member;
  const add = () => {
    if (ready && run({ name: 'add-fact', args: { fields: [a, b] } })) {
      setA({ member: a.member, field: '' });
      setB({ member: b.member, field: '' });
    }
  };
  return (
    <div className="bundle-add" role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{w.addFact}</h3>
      <div className="inline-form">
        {pick(a, setA, b.member, [w.memberA, w.fieldA], 'fact-a')}
        {pick(b, setB, a.member, [w.memberB, w.fieldB], 'fact-b')}
        <button type="button" className="btn btn-small" disabled={!ready} onClick={add} data-testid="add-fact">{w.addFact}</button>
      </div>
    </div>
  );
}

// A problem in the page's language: the engine's codes render either language, the editor's own are in words.ts.
function messageOf(p: BundleProblem, w: Words, locale: 'zh' | 'en'): string {
  const own = w.own[p.code];
  if (own) return own(p.params as Record<string, unknown>);
  try {
    return renderMessage(p.code as ProblemCode, p.params, locale);
  } catch {
    return p.message;
  }
}

function ProblemsList({ view, bundle, w, locale, onFollow }: { view: BundleView | undefined; bundle: BundleDefinition; w: Words; locale: 'zh' | 'en'; onFollow: (pointer: string) => void }) {
  const where = (at: string) => {
    const fact = /^\/facts\/(\d+)/.exec(at);
    if (fact) return w.factLabel(bundle.facts?.[Number(fact[1])]?.id ?? fact[1]!);
    const member = /^\/members\/(\d+)/.exec(at);
    if (member) return `${w.memberLabel(Number(member[1]) + 1)} ${bundle.members[Number(member[1])]?.key ?? ''}`.trim();
    return at || '/';
  };
  return (
    <section aria-labelledby="bundle-problems-heading" data-testid="bundle-problems">
      <h2 id="bundle-problems-heading" className="panel-heading">{w.problemsHeading}</h2>
      <div aria-live="polite">
        {!view ? <p aria-busy="true">{w.pending}</p> : view.problems.length === 0 ? <p className="ok" data-testid="bundle-problems-none">{w.problemsNone}</p> : (
          <>
            <p data-testid="bundle-problems-count">{w.problemsCount(view.problems.length)}</p>
            <ul className="problems">
              {view.problems.map((p, i) => (
                <li key={`${p.at}-${p.code}-${i}`} data-testid="bundle-problem" data-code={p.code}>
                  {messageOf(p, w, locale)} <span className="muted">[{p.code}]</span>{' '}
                  <button type="button" className="link" onClick={() => onFollow(p.at)} data-testid="bundle-problem-link">{w.goTo(where(p.at))}</button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

const metricOrder = ['fieldsTyped', 'materials', 'visits', 'promisedDays', 'submissions'] as const;

function SavingTable({ view, w }: { view: BundleView | undefined; w: Words }) {
  const saving = view?.saving;
  return (
    <section aria-labelledby="bundle-saving-heading" data-testid="bundle-saving">
      <h2 id="bundle-saving-heading" className="panel-heading">{w.savingHeading}</h2>
      {!saving ? <p className="muted">{view ? w.noComposition : w.pending}</p> : (
        <table className="metrics bundle-saving">
          <thead><tr><th scope="col">{w.metric}</th><th scope="col">{w.separately}</th><th scope="col">{w.together}</th><th scope="col">{w.saved}</th></tr></thead>
          <tbody>
            {metricOrder.map((m) => (
              <tr key={m} data-testid={`saving-${m}`}>
                <th scope="row">{w.metrics[m]}</th>
                <td data-col="separately">{saving.separately[m]}</td>
                <td data-col="together">{saving.together[m]}</td>
                <td data-col="saved" className={saving.saved[m] > 0 ? 'ok' : undefined}>{saving.saved[m]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}


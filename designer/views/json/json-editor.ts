/**
 * The JSON view's CodeMirror editor, wired to a JsonSync: what the official types is parsed once per pause and handed
 * to `commit` (the view dispatches replace-definition); the model's definition, problems and selection are shown as
 * they change. No React here. The editor lives in a shadow root: there CodeMirror's styles go into a constructed
 * style sheet (adoptedStyleSheets), which the page's CSP (style-src 'self') allows, where the <style> element it adds
 * to a document's head would be refused.
 */
import { setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { MatterDefinition, Problem } from '../../../engine/index.ts';
import type { Locale } from '../../i18n.ts';
import { locatePointer } from '../../model/json-positions.ts';
import { parseDiagnostics, problemDiagnostics } from './diagnostics.ts';
import { jsonExtensions } from './setup.ts';
import type { JsonSync, SyncStatus, TextChange } from './sync.ts';
import { words } from './words.ts';

/** How long typing must pause before the text is parsed (ms). */
export const parsePauseMs = 300;

/** What the editor needs from the page: the model's definition, and the commands it turns edits into. */
export interface JsonEditorHost {
  definition(): unknown;
  commit(definition: MatterDefinition): void;
  undo(): void;
  redo(): void;
  statusChanged(status: SyncStatus, problems: readonly Problem[]): void;
}

// marks the view's own text replacements, which are not typing
const following = Annotation.define<boolean>();

export class JsonEditor {
  private readonly view: EditorView;
  private readonly element: HTMLElement;
  private readonly settings = new Compartment();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private problems: readonly Problem[] = [];
  private readOnly: boolean;
  private locale: Locale;

  constructor(element: HTMLElement, private readonly sync: JsonSync, private readonly host: JsonEditorHost, options: { readOnly: boolean; locale: Locale }) {
    this.readOnly = options.readOnly;
    this.locale = options.locale;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const state = EditorState.create({
      doc: sync.text,
      extensions: [
        jsonExtensions({ undo: () => this.undo(), redo: () => this.redo() }),
        this.settings.of(this.settingsOf()),
        EditorView.updateListener.of((update) => {
          if (update.transactions.some((tr) => tr.docChanged && !tr.annotation(following))) this.typed();
        }),
        // leaving the editor (for the toolbar's undo, another tab…) applies what was typed at once
        EditorView.domEventHandlers({ blur: () => void queueMicrotask(() => this.flush()) }),
      ],
    });
    this.view = new EditorView({ state, parent: root, root });
    element.addEventListener('keydown', this.keepKeys);
    this.element = element;
    this.refresh();
  }

  // Keys the editor acted on (Ctrl+Z…) stay in it: outside its shadow root they look as if they came from a plain
  // element, and the toolbar's window-wide shortcuts would undo a second time.
  private readonly keepKeys = (event: KeyboardEvent) => {
    if (event.defaultPrevented) event.stopPropagation();
  };

  /** The model's definition (maybe changed elsewhere): the text follows unless the official's typing is pending. */
  showDefinition(definition: unknown): void {
    this.apply(this.sync.follow(definition));
    this.refresh();
  }

  /** The engine's problems of the definition, as diagnostics where they point. */
  showProblems(problems: readonly Problem[]): void {
    this.problems = problems;
    if (this.sync.status === 'synced') this.refresh();
  }

  configure(readOnly: boolean, locale: Locale): void {
    if (readOnly === this.readOnly && locale === this.locale) return;
    this.readOnly = readOnly;
    this.locale = locale;
    this.view.dispatch({ effects: this.settings.reconfigure(this.settingsOf()) });
    this.refresh();
  }

  /** Selects the value a pointer names (or the nearest thing that is there) and scrolls it into view. */
  select(pointer: string): void {
    const text = this.sync.status === 'pending' ? this.view.state.doc.toString() : this.sync.text;
    const at = locatePointer(text, pointer);
    if (!at) return;
    this.view.dispatch({ selection: EditorSelection.single(at.from, at.to), effects: EditorView.scrollIntoView(at.from, { y: 'center' }) });
  }

  /** Puts the cursor on why the text does not parse, and the focus in the editor. */
  revealError(): void {
    const first = parseDiagnostics(this.sync.text, this.sync.problems, this.locale)[0];
    if (!first) return;
    this.view.dispatch({ selection: { anchor: first.from }, effects: EditorView.scrollIntoView(first.from, { y: 'center' }) });
    this.view.focus();
  }

  /** Parses what is pending now (leaving, undoing) instead of after the pause. */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const definition = this.sync.settle(this.host.definition(), this.view.state.doc.toString());
    if (definition) this.host.commit(definition);
    this.refresh();
  }

  /** Applies pending typing and removes the editor (the JsonSync keeps an unparsable text for the next mount). */
  destroy(): void {
    this.flush();
    this.element.removeEventListener('keydown', this.keepKeys);
    this.view.destroy();
  }

  private typed(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.sync.typing();
    this.timer = setTimeout(() => this.flush(), parsePauseMs);
    this.host.statusChanged('pending', []);
  }

  // Undo is the model's: typing still pending becomes its transaction first, so undo takes it back. A text that does
  // not parse was never a transaction: undo goes back to the last valid text.
  private undo(): boolean {
    if (this.readOnly) return false;
    this.flush();
    if (this.sync.status === 'invalid') {
      this.apply(this.sync.revert(this.host.definition()));
      this.refresh();
    } else {
      this.host.undo();
      this.showDefinition(this.host.definition());
    }
    return true;
  }

  private redo(): boolean {
    if (this.readOnly) return false;
    this.flush();
    this.host.redo();
    this.showDefinition(this.host.definition());
    return true;
  }

  private apply(change: TextChange | undefined): void {
    if (change) this.view.dispatch({ changes: change, annotations: following.of(true) });
  }

  // Diagnostics for the text as it is: why it does not parse, or the engine's problems; pending text keeps the last
  // ones (CodeMirror maps them through the edits) until it is parsed.
  private refresh(): void {
    const { status, text, problems } = this.sync;
    if (status !== 'pending') {
      const diagnostics = status === 'invalid' ? parseDiagnostics(text, problems, this.locale) : this.problems.length > 0 ? problemDiagnostics(text, this.problems, this.locale) : [];
      this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
    }
    this.host.statusChanged(status, problems);
  }

  private settingsOf() {
    const w = words[this.locale];
    return [
      EditorState.readOnly.of(this.readOnly),
      EditorState.phrases.of(w.phrases),
      // tabindex says what contenteditable already is, for checkers that only count tabindex (axe: scrollable regions)
      EditorView.contentAttributes.of({ 'aria-label': w.editorLabel, tabindex: '0' }),
    ];
  }
}

/** What every editor section of the designer gets: the editor (dispatch commands), its state, the problems, the context. */
import type { Problem, SharedDataCatalogue } from '../../engine/index.ts';
import type { Editor, EditorState } from '../model/editor.ts';

/** The catalogue context a section may need: shared-data items (prefill and waivers) and shared schemas. */
export interface DesignContext {
  readonly sharedData: SharedDataCatalogue | undefined;
  readonly sharedSchemas: readonly object[];
}

export interface SectionProps {
  readonly editor: Editor;
  readonly state: EditorState;
  /** The engine's problems of the draft (pointers into the definition). */
  readonly problems: readonly Problem[];
  /** Reviewers, and officials outside the draft's scope, read only. */
  readonly readOnly: boolean;
  readonly context: DesignContext;
}

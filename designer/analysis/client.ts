/**
 * The page's side of the analysis worker: one request in flight at a time, and while it runs only the newest draft
 * waits (drafts typed in between are never analysed), so the worker never falls behind the official's typing.
 */
import type { MatterDefinition, SourceDocument } from '../../engine/index.ts';
import type { ImportResult } from '../../engine/index.ts';
import type { Analysis, AnalysisRequest, ImportAnswer, PreviewSituation, SituationAnswer } from './protocol.ts';

export class AnalysisClient {
  private readonly worker: Worker;
  private inFlight = false;
  private waiting: AnalysisRequest | undefined;
  private readonly imports = new Map<number, (result: ImportResult) => void>();
  private requestCount = 0;
  private readonly situations = new Map<number, (situation: PreviewSituation) => void>();

  constructor(private readonly onAnalysis: (analysis: Analysis) => void) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'onematter-analysis' });
    this.worker.onmessage = (event: MessageEvent<Analysis | ImportAnswer | SituationAnswer>) => {
      const data = event.data;
      if ('kind' in data && data.kind === 'situation') {
        this.situations.get(data.id)?.(data.situation);
        this.situations.delete(data.id);
        return;
      }
      if ('kind' in data && data.kind === 'import') {
        this.imports.get(data.id)?.(data.result);
        this.imports.delete(data.id);
        return;
      }
      this.inFlight = false;
      this.onAnalysis(data as Analysis);
      this.flush();
    };
  }

  /** The catalogue the drafts are validated in (shared data, schemas, regions, bundles). */
  setContext(sources: readonly SourceDocument[]): void {
    this.worker.postMessage({ kind: 'context', sources });
  }

  /** Asks for the analysis of `draft` at `revision` (an older request still waiting is dropped). */
  analyze(revision: number, draft: unknown, against: MatterDefinition | undefined): void {
    this.waiting = { revision, draft, against };
    this.flush();
  }

  /** Normalizes a form written elsewhere into the project's strict 2020-12 (engine importForm, in the worker). */
  importForm(schema: unknown): Promise<ImportResult> {
    const id = ++this.requestCount;
    return new Promise((resolve) => {
      this.imports.set(id, resolve);
      this.worker.postMessage({ kind: 'import', id, schema });
    });
  }

  /** Which materials and fees apply to the preview's answers `data` (the engine's situationOf, in the worker). */
  situation(definition: Pick<MatterDefinition, 'materials' | 'fees'>, data: unknown): Promise<PreviewSituation> {
    const id = ++this.requestCount;
    return new Promise((resolve) => {
      this.situations.set(id, resolve);
      this.worker.postMessage({ kind: 'situation', id, definition: { materials: definition.materials, fees: definition.fees }, data });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private flush(): void {
    if (this.inFlight || !this.waiting) return;
    this.inFlight = true;
    this.worker.postMessage(this.waiting);
    this.waiting = undefined;
  }
}

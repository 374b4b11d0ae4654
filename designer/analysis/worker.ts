/**
 * The analysis worker: the engine's validator, diff, score and level-up off the main thread, so typing never waits
 * for them; and the preview's situations (conditions compile with ajv, which the page's CSP does not allow). It keeps
 * the catalogue context it was given and answers each request (the page sends one at a time, the newest draft, see
 * client.ts).
 */
import type { SourceDocument } from '../../engine/index.ts';
import { importForm } from '../../engine/index.ts';
import { analyze } from './analyze.ts';
import type { AnalysisContext, AnalysisRequest, ImportRequest, SituationRequest } from './protocol.ts';
import { situate } from './situate.ts';

let context: readonly SourceDocument[] = [];

self.onmessage = (event: MessageEvent<AnalysisRequest | AnalysisContext | ImportRequest | SituationRequest>) => {
  const message = event.data;
  if ('kind' in message && message.kind === 'context') context = message.sources;
  else if ('kind' in message && message.kind === 'import') {
    const sharedSchemas = new Map(context.flatMap((s) => {
      const value = JSON.parse(s.text) as { $id?: unknown; kind?: unknown };
      return typeof value.$id === 'string' && value.kind === undefined ? [[value.$id, value as unknown] as const] : [];
    }));
    const result = importForm(message.schema, { sharedSchemas });
    // problems and changes as plain data (structured clone drops getters)
    self.postMessage({ kind: 'import', id: message.id, result: JSON.parse(JSON.stringify(result)) });
  } else if ('kind' in message && message.kind === 'situation') {
    self.postMessage({ kind: 'situation', id: message.id, situation: situate(message.definition, message.data) });
  } else self.postMessage(analyze(message as AnalysisRequest, context, () => performance.now()));
};

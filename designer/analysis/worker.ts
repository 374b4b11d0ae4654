/**
 * The analysis worker: the engine's validator, diff, score and level-up off the main thread, so typing never waits
 * for them. It keeps the catalogue context it was given and answers each request (the page sends one at a time, the
 * newest draft, see client.ts).
 */
import type { SourceDocument } from '../../engine/index.ts';
import { analyze } from './analyze.ts';
import type { AnalysisContext, AnalysisRequest } from './protocol.ts';

let context: readonly SourceDocument[] = [];

self.onmessage = (event: MessageEvent<AnalysisRequest | AnalysisContext>) => {
  const message = event.data;
  if ('kind' in message && message.kind === 'context') context = message.sources;
  else self.postMessage(analyze(message as AnalysisRequest, context, () => performance.now()));
};

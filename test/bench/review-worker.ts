/** One worker of the whole-catalogue run: builds its share of the real-shaped synthetic catalogue, diffs (with the diff context) and scores each pair. */
import { parentPort, workerData } from 'node:worker_threads';
import { diff, scoreChanges } from '../../engine/index.ts';
import { sharedSchemas } from '../support/catalogue.ts';
import { realShapedBaseline, realShapedVariant } from './real-shaped.ts';
import { cloneJson } from './synthetic.ts';

const { worker, workers, baselineCount, variantCount } = workerData as { worker: number; workers: number; baselineCount: number; variantCount: number };
let pairs = 0;
let changes = 0;
let scoreSum = 0;
for (let i = worker; i < baselineCount; i += workers) {
  const baseline = realShapedBaseline(i);
  const source = cloneJson(baseline);
  const n = Math.floor(((i + 1) * variantCount) / baselineCount) - Math.floor((i * variantCount) / baselineCount);
  for (let j = 0; j < n; j++) {
    const c = diff(realShapedVariant(source, j, i * 1_000 + j), baseline, { sharedSchemas });
    changes += c.length;
    scoreSum += scoreChanges(c);
    pairs++;
  }
}
parentPort!.postMessage({ pairs, changes, scoreSum });

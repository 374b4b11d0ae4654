/** One worker of the whole-catalogue run: builds its share of the synthetic catalogue, diffs and scores each pair. */
import { parentPort, workerData } from 'node:worker_threads';
import { diff, scoreChanges } from '../../engine/index.ts';
import { cloneJson, syntheticBaseline, syntheticVariant } from './synthetic.ts';

const { worker, workers, baselineCount, variantCount } = workerData as { worker: number; workers: number; baselineCount: number; variantCount: number };
let pairs = 0;
let changes = 0;
let scoreSum = 0;
for (let i = worker; i < baselineCount; i += workers) {
  const baseline = syntheticBaseline(i);
  const source = cloneJson(baseline);
  const n = Math.floor(((i + 1) * variantCount) / baselineCount) - Math.floor((i * variantCount) / baselineCount);
  for (let j = 0; j < n; j++) {
    const c = diff(syntheticVariant(source, j, i * 1_000 + j), baseline);
    changes += c.length;
    scoreSum += scoreChanges(c);
    pairs++;
  }
}
parentPort!.postMessage({ pairs, changes, scoreSum });

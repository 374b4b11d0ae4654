/**
 * Runs the server: `PORT` (default 3000) and `ONEMATTER_DATA` (default ./.onematter) choose the port and the data
 * folder; `ONEMATTER_SWEEP_SECONDS` (default 30; 0: only at start) how often due delayed transitions are fired.
 * `ONEMATTER_PUBLIC_URL` (e.g. https://zwfw.example.gov.cn) is the public address certificates' verification links use.
 * `npx tsx runtime/server/main.ts`; stops cleanly on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { startServer } from './start.ts';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const sweepEnv = process.env.ONEMATTER_SWEEP_SECONDS;
const sweepSeconds = sweepEnv === undefined || sweepEnv === '' ? undefined : Number(sweepEnv);
if (sweepSeconds !== undefined && !(Number.isFinite(sweepSeconds) && sweepSeconds >= 0 && sweepSeconds <= 86_400)) {
  console.error(`ONEMATTER_SWEEP_SECONDS must be a number of seconds from 0 to 86400, not ${JSON.stringify(sweepEnv)}`);
  process.exit(2);
}
const dataDir = resolve(process.env.ONEMATTER_DATA ?? '.onematter');
const publicUrl = process.env.ONEMATTER_PUBLIC_URL || undefined;
const server = await startServer({ port, dataDir, logger: { level: 'warn' }, ...(sweepSeconds !== undefined ? { sweepSeconds } : {}), ...(publicUrl ? { publicUrl } : {}) });
console.log(`onematter listening on ${server.url}`);
console.log(`data folder: ${dataDir}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}

/**
 * The web UIs: the applicant portal and clerk workbench (runtime/web/dist) at `/`, the designer (designer/dist) at
 * `/designer`, each with its index.html for every other path of its own so its router can answer. Unknown /api paths stay JSON 404s. Without a build, a
 * short page says how to make one. All of it is public: the pages hold no data, the API they call checks access.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';
import { analysisWorkerCsp, hashedAsset, hashedAssetCache } from './headers.ts';

/**
 * Where `npm run build:web` (vite build --config runtime/web/vite.config.ts) writes the UI; `ONEMATTER_WEB_DIR` names
 * another build (a build of a branch under test, or a customised portal) without touching this one.
 */
export const defaultWebDir = process.env.ONEMATTER_WEB_DIR || fileURLToPath(new URL('../web/dist', import.meta.url));
/** Where `npm run build:web` (vite build --config designer/vite.config.ts) writes the designer. */
export const defaultDesignerDir = fileURLToPath(new URL('../../designer/dist', import.meta.url));
const analysisWorker = /^assets\/analysis-worker-[\w-]+\.js$/;
// requests answered with a hashed build file (not index.html in its place): cached for good (headers.ts)
const servedHashed = new WeakSet<object>();

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>onematter — web UI not built</title></head>
<body><main><h1>The web UI is not built yet</h1>
<p>Run <code>npm run build:web</code> (or <code>npx vite build --config runtime/web/vite.config.ts</code>) and reload. The JSON API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p lang="zh-CN">网页界面尚未构建：请运行 <code>npm run build:web</code> 后刷新。</p></main></body></html>
`;

/** Registers the static files and the index.html fallback (a wildcard GET route, so register it with the others). */
export async function registerWeb(app: FastifyInstance, webDir: string = defaultWebDir, designerDir: string = defaultDesignerDir): Promise<void> {
  await app.register(fastifyStatic, { root: webDir, serve: false, suppressWarning: true });
  // a route's onSend runs after the app's, which makes every answer no-store
  const onSend = async (request: object, reply: { statusCode: number; header: (name: string, value: string) => unknown }) => {
    if (servedHashed.has(request) && reply.statusCode < 400) reply.header('cache-control', hashedAssetCache);
  };
  app.get<{ Params: { '*': string } }>('/*', { config: { access: 'public' }, schema: { hide: true }, onSend }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/')) throw new HttpError(404, 'not-found', `no route ${request.method} ${path}`);
    const designer = path === '/designer' || path.startsWith('/designer/');
    const root = designer ? designerDir : webDir;
    if (!existsSync(join(root, 'index.html'))) return reply.status(503).type('text/html; charset=utf-8').send(notBuilt);
    const file = normalize((request.params['*'] ?? '').replace(/^designer(\/|$)/, designer ? '' : '$&')).replace(/^([/\\]|\.\.[/\\]?)+/, '');
    if (file && isFile(join(root, file))) {
      if (designer && analysisWorker.test(file)) reply.header('content-security-policy', analysisWorkerCsp);
      if (hashedAsset.test(file.replaceAll('\\', '/'))) servedHashed.add(request);
      return reply.sendFile(file, root);
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html', root);
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The web UI (applicant portal and clerk workbench): the built files of runtime/web/dist at `/`, and index.html for
 * every other non-API path so the UI's own router can answer. Unknown /api paths stay JSON 404s. Without a build, a
 * short page says how to make one. All of it is public: the pages hold no data, the API they call checks access.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/** Where `npm run build:web` (vite build --config runtime/web/vite.config.ts) writes the UI. */
export const defaultWebDir = fileURLToPath(new URL('../web/dist', import.meta.url));

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>onematter — web UI not built</title></head>
<body><main><h1>The web UI is not built yet</h1>
<p>Run <code>npm run build:web</code> (or <code>npx vite build --config runtime/web/vite.config.ts</code>) and reload. The JSON API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p lang="zh-CN">网页界面尚未构建：请运行 <code>npm run build:web</code> 后刷新。</p></main></body></html>
`;

/** Registers the static files and the index.html fallback (a wildcard GET route, so register it with the others). */
export async function registerWeb(app: FastifyInstance, webDir: string = defaultWebDir): Promise<void> {
  await app.register(fastifyStatic, { root: webDir, serve: false, suppressWarning: true });
  app.get<{ Params: { '*': string } }>('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/')) throw new HttpError(404, 'not-found', `no route ${request.method} ${path}`);
    if (!existsSync(join(webDir, 'index.html'))) return reply.status(503).type('text/html; charset=utf-8').send(notBuilt);
    const file = normalize(request.params['*'] ?? '').replace(/^([/\\]|\.\.[/\\]?)+/, '');
    if (file && isFile(join(webDir, file))) return reply.sendFile(file);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

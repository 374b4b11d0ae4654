/**
 * A published form's rjsf validator, precompiled on the server (ajv standalone code), so the browser checks the form
 * as the applicant types without compiling anything itself — the UI's Content-Security-Policy has no 'unsafe-eval'.
 * One module per definition hash: published versions never change, so browsers may keep it for good. The module is
 * minified once when first asked for (ajv's code is verbose: a 50-field form's 4.8 kB gzipped become 2.3 kB), and
 * served as generated should the minifier report a problem.
 */
import type { FastifyInstance } from 'fastify';
import { minifySync } from 'rolldown/utils';
import { precompiledFormModule } from '../../form/precompiled.ts';
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { errors } from '../schemas.ts';

const cacheLimit = 200;

export function formRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const modules = new Map<string, string>();

  app.get<{ Params: { hash: string } }>('/api/forms/:hash/validator.js', {
    config: { access: 'signed-in', immutable: true },
    schema: {
      tags: ['cases'],
      summary: "A published form's validators, precompiled to JavaScript for the browser (an ES module: `export default function (require)`)",
      params: { type: 'object', required: ['hash'], additionalProperties: false, properties: { hash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'the definition hash a case is pinned to' } } },
      response: { 200: { description: 'an ES module', content: { 'text/javascript': { schema: { type: 'string' } } } }, ...errors(400, 401, 404) },
    },
  }, async (request, reply) => {
    const { hash } = request.params;
    let code = modules.get(hash);
    if (code === undefined) {
      const published = await ctx.definitions.byHash(hash);
      if (!published) throw notFound(`form ${hash}`);
      code = minified(precompiledFormModule(published.definition, ctx.sharedSchemas));
      if (modules.size >= cacheLimit) modules.delete(modules.keys().next().value!);
      modules.set(hash, code);
    }
    return reply.type('text/javascript; charset=utf-8').send(code);
  });
}

function minified(code: string): string {
  try {
    const result = minifySync('validator.js', code, { compress: true, mangle: true, module: true });
    return result.errors.length === 0 ? result.code : code;
  } catch {
    return code;
  }
}

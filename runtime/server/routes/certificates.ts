/** E-certificates: download as JSON, print as HTML, and verify a certificate's seal (anyone may verify). */
import type { FastifyInstance } from 'fastify';
import { renderCertificateHtml } from '../../certificates/issue.ts';
import type { SignedCertificate } from '../../certificates/signer.ts';
import type { StoredCertificate } from '../../store/types.ts';
import { requireReadCase } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { anyObject, errors } from '../schemas.ts';

type IdParams = { Params: { id: string } };
const params = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' } } } as const;

export function certificateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx.runtime;
  const load = async (id: string, user: Parameters<typeof requireReadCase>[0]): Promise<StoredCertificate> => {
    const certificate = await store.certificate(id);
    const record = certificate && (await store.getCase(certificate.caseId));
    if (!certificate || !record) throw notFound(`certificate ${id}`);
    requireReadCase(user, record);
    return certificate;
  };

  app.get<IdParams>('/api/certificates/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['certificates'], summary: 'Download a signed e-certificate (JSON: document + Ed25519 seal)', params, response: { 200: anyObject, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const certificate = await load(request.params.id, request.user);
    return reply.header('content-disposition', `attachment; filename="${certificate.id}.json"`).send(certificate.document);
  });

  app.get<IdParams>('/api/certificates/:id/print', {
    config: { access: 'signed-in' },
    schema: { tags: ['certificates'], summary: 'A printable HTML rendering of an e-certificate', params, response: { 200: { type: 'string', description: 'text/html' }, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const certificate = await load(request.params.id, request.user);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(renderCertificateHtml(certificate.document as SignedCertificate));
  });

  app.post<{ Body: unknown }>('/api/certificates/verify', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['certificates'], summary: "Verify a certificate's seal against this server's key: { ok } or { ok: false, reason }",
      body: { ...anyObject, description: 'a certificate as downloaded' },
      response: { 200: { type: 'object', properties: { ok: { type: 'boolean' }, reason: { type: 'string' } } }, ...errors(400, 413) },
    },
  }, async (request) => ctx.runtime.verifyCertificate(request.body));
}

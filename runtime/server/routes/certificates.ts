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

/** A certificate as downloaded: the document (open: its fields are the issuer's) and the Ed25519 seal over it. */
const signedCertificate = {
  type: 'object',
  additionalProperties: false,
  required: ['document', 'seal'],
  properties: {
    document: {
      type: 'object',
      description: 'the certified content (runtime/certificates/issue.ts): type, certificateId, title, kind, matter, issuer, holder, caseId, issuedAt, validUntil',
      required: ['type', 'certificateId', 'caseId', 'issuedAt'],
      properties: { type: { type: 'string' }, certificateId: { type: 'string' }, caseId: { type: 'string' }, issuedAt: { type: 'string', format: 'date-time' } },
    },
    seal: {
      type: 'object',
      additionalProperties: false,
      required: ['alg', 'keyId', 'signature'],
      properties: { alg: { const: 'Ed25519' }, keyId: { type: 'string' }, signature: { type: 'string', description: 'base64 Ed25519 signature over the canonical JSON of the document' } },
    },
  },
} as const;

const download = {
  description: 'the signed certificate as a JSON attachment',
  headers: { 'content-disposition': { type: 'string', pattern: '^attachment; filename="[A-Za-z0-9_-]+\\.json"$', description: 'attachment; filename="<id>.json"' } },
  content: { 'application/json': { schema: signedCertificate } },
} as const;

const printable = {
  description: 'the certificate as a self-contained printable HTML page (its own CSP: no scripts, nothing loaded)',
  content: { 'text/html': { schema: { type: 'string' } } },
} as const;

const check = {
  description: '`{ ok: true }`, or `{ ok: false, reason }`',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['ok'], properties: { ok: { const: true } } },
    { type: 'object', additionalProperties: false, required: ['ok', 'reason'], properties: { ok: { const: false }, reason: { type: 'string' } } },
  ],
} as const;

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
    schema: { tags: ['certificates'], summary: 'Download a signed e-certificate (JSON: document + Ed25519 seal)', params, response: { 200: download, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const certificate = await load(request.params.id, request.user);
    return reply.header('content-disposition', `attachment; filename="${certificate.id}.json"`).send(certificate.document);
  });

  app.get<IdParams>('/api/certificates/:id/print', {
    config: { access: 'signed-in' },
    schema: { tags: ['certificates'], summary: 'A printable HTML rendering of an e-certificate', params, response: { 200: printable, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const certificate = await load(request.params.id, request.user);
    return reply
      .type('text/html; charset=utf-8')
      // stricter than the UI's policy: no scripts, nothing loaded, only the page's own inline style
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
      .send(renderCertificateHtml(certificate.document as SignedCertificate));
  });

  app.post<{ Body: unknown }>('/api/certificates/verify', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['certificates'], summary: "Verify a certificate's seal against this server's key: { ok } or { ok: false, reason }",
      body: { ...anyObject, description: 'a certificate as downloaded' },
      response: { 200: check, ...errors(400, 413, 415) },
    },
  }, async (request) => ctx.runtime.verifyCertificate(request.body));
}

/**
 * E-certificates: download as JSON, print as HTML (with the QR code of its public page), verify a certificate's seal
 * (anyone may verify), and the public check a printed certificate's QR code leads to.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isIdNumber, maskId } from '../../certificates/identity-mask.ts';
import { renderCertificateHtml } from '../../certificates/issue.ts';
import { publicCertificate } from '../../certificates/public.ts';
import { verificationQrSvg, verificationUrl } from '../../certificates/qr.ts';
import type { SignedCertificate } from '../../certificates/signer.ts';
import type { StoredCertificate } from '../../store/types.ts';
import { requireReadCase } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
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

const sealFailures = ['not-a-certificate', 'unknown-key', 'signature-mismatch', 'unreadable'] as const;

const check = {
  description: '`{ ok: true }`, or `{ ok: false, code, reason }` (the code for the UI to word, the reason in English)',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['ok'], properties: { ok: { const: true } } },
    { type: 'object', additionalProperties: false, required: ['ok', 'reason'], properties: { ok: { const: false }, code: { enum: sealFailures }, reason: { type: 'string' } } },
  ],
} as const;

const text = { type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const orNull = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] }) as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** The public check of a stored certificate (runtime/certificates/public.ts): nothing beyond what the paper shows. */
const publicAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'check', 'title', 'holder', 'issuer', 'matter', 'issuedAt', 'validity', 'checkedAt'],
  properties: {
    id: { type: 'string' },
    status: { enum: ['valid', 'expired', 'invalid'], description: 'valid: sealed and within its validity today (server clock, China Standard Time); expired: sealed but past validity.until; invalid: the check failed' },
    check: {
      description: "the server's check of the stored document: its Ed25519 seal, and that it is this certificate's, of its case, of the case's applicant",
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['ok', 'keyId'], properties: { ok: { const: true }, keyId: { type: 'string' } } },
        { type: 'object', additionalProperties: false, required: ['ok', 'code'], properties: { ok: { const: false }, code: { enum: [...sealFailures, 'id-mismatch', 'case-mismatch', 'holder-mismatch'] } } },
      ],
    },
    title: orNull(text),
    holder: {
      type: 'object', additionalProperties: false, required: ['name', 'idNumber'],
      properties: { name: orNull({ type: 'string' }), idNumber: { ...orNull({ type: 'string' }), description: 'masked, 3301**********1237; null unless the check passed' } },
    },
    issuer: orNull(text),
    matter: { type: 'object', additionalProperties: false, required: ['title', 'region'], properties: { title: orNull(text), region: orNull(text) } },
    issuedAt: orNull({ type: 'string' }),
    validity: {
      type: 'object', additionalProperties: false, required: ['from', 'until', 'kind', 'note'],
      properties: { from: orNull(day), until: { ...orNull(day), description: 'the last valid day; null when it has no end date' }, kind: { enum: ['years', 'long-term', 'conditional', 'unstated'] }, note: orNull(text) },
    },
    checkedAt: { type: 'string', format: 'date-time' },
  },
} as const;

// Where verification links point: the configured public address, else this request's own origin (scheme and Host).
function publicOrigin(request: FastifyRequest, configured: string | undefined): string {
  if (configured) return configured;
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    throw new HttpError(400, 'bad-host', `the Host header ${JSON.stringify(request.host)} is not a host name`);
  }
}

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
    const url = verificationUrl(publicOrigin(request, ctx.publicUrl), certificate.id);
    const record = await store.getCase(certificate.caseId);
    const html = renderCertificateHtml(certificate.document as SignedCertificate, { verification: { url, qrSvg: await verificationQrSvg(url) }, ...(isIdNumber(record?.applicant) ? { holderIdNumber: maskId(record.applicant) } : {}) });
    return reply
      .type('text/html; charset=utf-8')
      // stricter than the UI's policy: no scripts, nothing loaded, only the page's own inline style (the QR code is
      // inline SVG markup, which no fetch directive governs)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
      .send(html);
  });

  // No sign-in and no throttle: ids carry a random UUID (122 bits), so they cannot be enumerated, and the answer is
  // what the printed paper shows anyway (the identity number masked, never the case's answers or files).
  app.get<IdParams>('/api/public/certificates/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['certificates'], summary: "A certificate's public check (its QR code's page): holder masked, issuer, matter, validity, seal check",
      params, response: { 200: { description: 'what anyone holding the certificate may see, and whether it is valid today', content: { 'application/json': { schema: publicAnswer } } }, ...errors(400, 404) },
    },
  }, async (request) => {
    const certificate = await store.certificate(request.params.id);
    if (!certificate) throw notFound(`certificate ${request.params.id}`);
    const record = await store.getCase(certificate.caseId);
    return publicCertificate({
      id: certificate.id, caseId: certificate.caseId, signed: certificate.document, check: ctx.runtime.verifyCertificate(certificate.document), applicant: record?.applicant, now: ctx.clock.now(),
    });
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

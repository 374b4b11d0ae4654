/**
 * Evidence files: the applicant uploads a material's file (the raw bytes, streamed to the file store, checked by
 * content) while the case is theirs to edit; the applicant and the staff who may read the case download it. A file
 * becomes part of the case when submit (or a supplement) references it (`files` in those routes).
 */
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { rolesOf } from '../../cases/machine.ts';
import { FileRejectedError, describeBytes } from '../../files/errors.ts';
import type { CaseRecord } from '../../store/types.ts';
import { canReadCase, requireRole, signedIn } from '../access.ts';
import type { ServerContext } from '../context.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';
import { errors, identifier } from '../schemas.ts';

const caseId = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'case id (UUID)' } as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'the file’s sha256 (lowercase hex)' } as const;
/** Request media types handed through as a raw stream: the content decides what the file is, not the label. */
const uploadTypes = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png'];
const extensions: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const binary = { schema: { type: 'string', description: 'the file’s bytes' } } as const;

type UploadRoute = { Params: { id: string; materialId: string }; Body: unknown };
type DownloadRoute = { Params: { id: string; sha256: string } };

export async function fileRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { runtime, files } = ctx;
  const load = async (id: string): Promise<CaseRecord> => {
    const record = await runtime.store.getCase(id);
    if (!record) throw notFound(`case ${id}`);
    return record;
  };

  // in a scope of its own: only this route takes bodies other than JSON, and it takes them unread
  await app.register(async (scope) => {
    const unread = (_request: unknown, payload: unknown, done: (error: null, body: unknown) => void) => done(null, payload);
    scope.addContentTypeParser(uploadTypes, unread);
    scope.addContentTypeParser(/^image\/[a-z0-9.+-]+$/, unread);

    scope.post<UploadRoute>('/api/cases/:id/materials/:materialId/files', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: 'Upload a file for a material of your case (the raw bytes: PDF, JPEG or PNG by content; 10 MiB at most unless the server says otherwise); submit or a supplement then references it by its sha256',
        consumes: [...uploadTypes, 'image/*'],
        params: { type: 'object', required: ['id', 'materialId'], additionalProperties: false, properties: { id: caseId, materialId: identifier } },
        response: {
          201: {
            description: 'the file as stored: reference it by `sha256` in `files` of submit or the supplement step',
            type: 'object', additionalProperties: false, required: ['sha256', 'size', 'type', 'materialId'],
            properties: { sha256, size: { type: 'integer', minimum: 1 }, type: { type: 'string', enum: Object.keys(extensions) }, materialId: { type: 'string' } },
          },
          ...errors(400, 401, 403, 404, 413, 415, 422),
        },
      },
    }, async (request, reply) => {
      const user = requireRole(request.user, ['applicant'], 'upload files');
      const record = await load(request.params.id);
      if (record.applicant !== user.subject) throw forbidden(`case ${record.id} belongs to another applicant`);
      const published = await ctx.definitions.byHash(record.hash);
      if (!published) throw notFound(`the definition of case ${record.id}`);
      const material = published.definition.materials.find((m) => m.id === request.params.materialId);
      if (!material) throw notFound(`material ${request.params.materialId} of ${published.id}`);
      if (record.status === 'done' || !(record.status === 'draft' || rolesOf(published.definition, record.state).includes('applicant'))) {
        throw forbidden(`case ${record.id} is at step "${record.state}": the applicant cannot add files now`);
      }
      const named = `“${material.name.en}” (${material.name.zh})`;
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > files.maxBytes) throw tooLarge(named, files.maxBytes);
      if (!(request.body instanceof Readable)) {
        throw new HttpError(415, 'file-type', `send the file for ${named} as its raw bytes (content-type ${uploadTypes.join(', ')} or image/*)`);
      }
      try {
        // read without destroying the request when a check refuses it midway, so the refusal still reaches the client
        const file = await files.upload({ caseId: record.id, materialId: material.id, uploadedBy: user.subject }, request.body.iterator({ destroyOnReturn: false }));
        return reply.status(201).send({ sha256: file.sha256, size: file.size, type: file.type, materialId: file.materialId });
      } catch (error) {
        request.body.resume(); // the rest of a refused body is read and dropped
        if (!(error instanceof FileRejectedError)) throw error;
        if (error.problem === 'file-too-large') throw tooLarge(named, files.maxBytes);
        if (error.problem === 'file-empty') throw new HttpError(422, 'file-empty', `the file for ${named} is empty`);
        throw new HttpError(415, 'file-type', `the file for ${named} is not a PDF, JPEG or PNG (by its content, whatever its name or declared type)`);
      }
    });
  });

  app.get<DownloadRoute>('/api/cases/:id/files/:sha256', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'],
      summary: 'Download a file of a case (its applicant, and staff who may read the case): as an attachment, never rendered',
      params: { type: 'object', required: ['id', 'sha256'], additionalProperties: false, properties: { id: caseId, sha256 } },
      response: {
        200: {
          description: 'the file, as an attachment',
          headers: { 'content-disposition': { type: 'string', pattern: '^attachment; filename="[A-Za-z0-9_.-]+"$' } },
          content: { 'application/pdf': binary, 'image/jpeg': binary, 'image/png': binary },
        },
        ...errors(400, 401, 403, 404),
      },
    },
  }, async (request, reply) => {
    const user = signedIn(request.user);
    const record = await load(request.params.id);
    // the same answer whether or not the file exists: a case you may not read tells you nothing about its files
    if (!canReadCase(user, record)) throw forbidden(user.role === 'applicant' ? `case ${record.id} belongs to another applicant` : `a ${user.role} cannot read case ${record.id}`);
    const found = await files.open(record.id, request.params.sha256);
    if (!found) throw notFound(`file ${request.params.sha256} of case ${record.id}`);
    const name = `${found.file.materialId}-${found.file.sha256.slice(0, 12)}.${extensions[found.file.type] ?? 'bin'}`;
    return reply
      .header('content-type', found.file.type)
      .header('content-length', found.size)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .send(found.stream);
  });
}

const tooLarge = (named: string, limit: number) =>
  new HttpError(413, 'file-too-large', `the file for ${named} is larger than the limit of ${describeBytes(limit)} (${limit} bytes)`, { limit });

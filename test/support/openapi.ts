/**
 * Checks real responses against the server's own OpenAPI document: the operation is found by method and path
 * template, its status must be documented, the response's media type must be one the status documents, and the body
 * must validate against that media type's schema (ajv, JSON Schema 2020-12, `$ref`s resolved into the document's
 * components). A checked client runs every request of a test through it and records which operations and statuses
 * were exercised.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Client, type Reply, type RequestOptions } from './server.ts';

interface MediaType { readonly schema?: object }
interface Header { readonly schema?: object }
interface Response { readonly content?: Record<string, MediaType>; readonly headers?: Record<string, Header> }
interface Operation { readonly responses: Record<string, Response> }

export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, object> };
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const documentId = 'https://onematter.test/openapi.json';
const pointer = (...parts: string[]) => parts.map((p) => `/${p.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
const mediaTypeOf = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

export class ApiContract {
  /** `METHOD /template` → statuses seen. */
  readonly exercised = new Map<string, Set<string>>();
  /** Every mismatch found so far, one line each (a test takes them with `takeProblems`). */
  private problems: string[] = [];
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    // strict, so a schema with a misspelt or misplaced keyword fails to compile; `then: { required }` (the definition
    // meta-schema's conditional materials) names properties declared beside it, which strictRequired would refuse
    this.ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
    addFormats.default(this.ajv);
    // the document's paths and components as one schema resource, so `#/components/schemas/…` resolves from any
    // schema in it; they are not JSON Schema keywords, so ajv is told to leave them be (their schemas compile one by one)
    this.ajv.addKeyword('paths').addKeyword('components');
    this.ajv.addSchema({ $id: documentId, paths: document.paths, components: document.components ?? {} });
  }

  /** Every operation of the document, as `METHOD /template`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([template, item]) => Object.keys(item).filter((m) => methods.includes(m)).map((m) => `${m.toUpperCase()} ${template}`));
  }

  /** Compiles every response schema of the document (strict mode refuses unknown or misplaced keywords); the failures. */
  compileAll(): string[] {
    const failures: string[] = [];
    for (const [template, item] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(item).filter(([m]) => methods.includes(m))) {
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const mediaType of Object.keys(response.content ?? {})) {
            const at = pointer('paths', template, method, 'responses', status, 'content', mediaType, 'schema');
            try {
              this.ajv.getSchema(`${documentId}#${at}`);
            } catch (error) {
              failures.push(`${at}: ${error instanceof Error ? error.message : String(error)}`);
            }
          }
        }
      }
    }
    return failures;
  }

  /** The documented operation a request goes to: the template matching the path with the most literal segments. */
  operationOf(method: string, path: string): { template: string; operation: Operation } | undefined {
    const segments = path.split('?')[0]!.split('/');
    let best: { template: string; operation: Operation; literals: number } | undefined;
    for (const [template, item] of Object.entries(this.document.paths)) {
      const operation = item[method.toLowerCase()];
      const parts = template.split('/');
      if (!operation || parts.length !== segments.length) continue;
      if (!parts.every((p, i) => /^\{[^}]+\}$/.test(p) ? segments[i] !== '' : p === segments[i])) continue;
      const literals = parts.filter((p) => !p.startsWith('{')).length;
      if (!best || literals > best.literals) best = { template, operation, literals };
    }
    return best;
  }

  /** Checks one response; what does not match is recorded (see `takeProblems`). */
  check(method: string, path: string, reply: Reply): void {
    const where = `${method} ${path} → ${reply.status}`;
    const found = this.operationOf(method, path);
    if (!found) return void this.problems.push(`${where}: no operation in the document`);
    const status = String(reply.status);
    const key = `${method.toUpperCase()} ${found.template}`;
    this.exercised.set(key, (this.exercised.get(key) ?? new Set()).add(status));
    const response = found.operation.responses[status];
    if (!response) return void this.problems.push(`${where}: status ${status} is not documented for ${key} (documented: ${Object.keys(found.operation.responses).join(', ')})`);
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = reply.headers.get(name);
      if (value !== null && header.schema) this.validate(`${where} header ${name}`, pointer('paths', found.template, method.toLowerCase(), 'responses', status, 'headers', name, 'schema'), value);
    }
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) {
      if (reply.text !== '') this.problems.push(`${where}: documented without content, but has a body (${reply.headers.get('content-type')})`);
      return;
    }
    const mediaType = mediaTypeOf(reply.headers.get('content-type'));
    const documented = Object.keys(content).find((m) => m.toLowerCase() === mediaType);
    if (!documented) return void this.problems.push(`${where}: served as ${mediaType || 'no content type'}, documented as ${Object.keys(content).join(', ')}`);
    if (!content[documented]!.schema) return;
    let body: unknown = reply.text;
    if (isJson(mediaType)) {
      try {
        body = JSON.parse(reply.text);
      } catch {
        return void this.problems.push(`${where}: served as ${mediaType} but is not JSON`);
      }
    }
    this.validate(where, pointer('paths', found.template, method.toLowerCase(), 'responses', status, 'content', documented, 'schema'), body);
  }

  /** The problems found since the last call. */
  takeProblems(): string[] {
    return this.problems.splice(0);
  }

  private validate(where: string, schemaPointer: string, value: unknown): void {
    let validate = this.validators.get(schemaPointer);
    if (!validate) {
      try {
        validate = this.ajv.getSchema(`${documentId}#${schemaPointer}`);
      } catch (error) {
        return void this.problems.push(`${where}: the documented schema does not compile: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!validate) return void this.problems.push(`${where}: no schema at ${schemaPointer}`);
      this.validators.set(schemaPointer, validate);
    }
    if (!validate(value)) {
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);
      this.problems.push(`${where}: the body does not match its documented schema: ${errors.join('; ')}`);
    }
  }
}

/** A client whose every response is checked against the contract. */
export class CheckedClient extends Client {
  constructor(
    base: string,
    readonly contract: ApiContract,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(base, headers);
  }

  override async request(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<Reply> {
    const reply = await super.request(method, path, body, options);
    this.contract.check(method, path, reply);
    return reply;
  }
}

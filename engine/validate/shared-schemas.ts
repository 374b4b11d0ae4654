/** Checks the project's shared schemas (the only `$ref` targets outside a definition) and returns those that pass. */
import { createFormAjv } from '../form/ajv.ts';
import { sharedSchemaBase } from '../model/index.ts';
import { problem, type Problem } from '../problems/index.ts';
import type { Loaded } from './catalogue.ts';
import { checkJsonSchema } from './json-schema-check.ts';
import { compileProblems } from './compile-problems.ts';

export function checkSharedSchemas(docs: readonly Loaded<Record<string, unknown>>[]): { problems: Problem[]; valid: object[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, Loaded<Record<string, unknown>>>();
  for (const doc of docs) {
    const id = doc.value.$id as string;
    const other = byId.get(id);
    if (other) problems.push(problem('schemas.duplicate-id', doc.file, '/$id', { id, other: other.file }));
    else if (!id.startsWith(sharedSchemaBase) || id.includes('#')) problems.push(problem('schemas.bad-id', doc.file, '/$id', { id, prefix: sharedSchemaBase }));
    else byId.set(id, doc);
  }
  const sharedSchemas = new Map([...byId].map(([id, doc]) => [id, doc.value as unknown]));
  const checked = [...byId.values()].filter((doc) => {
    const found = checkJsonSchema(doc.value, { file: doc.file, base: '', sharedSchemas, rootIdAllowed: true });
    problems.push(...found);
    return found.length === 0;
  });
  const ajv = createFormAjv(checked.map((d) => d.value));
  const valid = checked.filter((doc) => {
    const found = compileProblems(ajv, { $ref: doc.value.$id as string }, doc.file, '');
    problems.push(...found);
    return found.length === 0;
  });
  return { problems, valid: valid.map((d) => d.value) };
}

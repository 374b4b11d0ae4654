/** Holding an imported form to onematter's own checks: validateSources on a minimal definition that holds it. */
import { validateSources, type Problem } from '../../engine/index.ts';
import { miniDoc, miniSources } from './fixtures.ts';

const file = 'matters/baseline.json';
const context = miniSources().filter((s) => s.file !== file);

/** The mini catalogue's shared schemas by `$id` (a form may `$ref` them). */
export const miniSharedSchemas: ReadonlyMap<string, unknown> = new Map(
  context.filter((s) => s.file.startsWith('schemas/')).map((s) => {
    const schema = JSON.parse(s.text) as { $id: string };
    return [schema.$id, schema];
  }),
);

/** What validateSources reports for the mini baseline with `schema` as its form (and no prefill to break). */
export function definitionProblems(schema: unknown): Problem[] {
  const definition = miniDoc(file);
  definition.form = { schema };
  return validateSources([...context, { file, text: JSON.stringify(definition) }]).problems.filter((p) => p.file === file);
}

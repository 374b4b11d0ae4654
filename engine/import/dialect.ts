/** The JSON Schema dialect a form was written in, read from its `$schema`. */

/** The drafts importForm converts from, and `unknown` for any other `$schema`. */
export type Dialect = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12' | 'unknown';

const known: Readonly<Record<string, Dialect>> = {
  'json-schema.org/draft-04/schema': 'draft-04',
  'json-schema.org/draft-06/schema': 'draft-06',
  'json-schema.org/draft-07/schema': 'draft-07',
  'json-schema.org/draft/2019-09/schema': '2019-09',
  'json-schema.org/draft/2020-12/schema': '2020-12',
  // "the latest", which the forms written against it meant as draft-04 to draft-07
  'json-schema.org/schema': 'draft-07',
};

/** The dialect `$schema` names (undefined when absent: the forms in use elsewhere are draft-07 unless they say otherwise). */
export function dialectOf(schema: unknown): Dialect | undefined {
  if (schema === undefined) return undefined;
  if (typeof schema !== 'string') return 'unknown';
  const key = schema.trim().replace(/^https?:\/\//, '').replace(/#$/, '');
  return known[key] ?? 'unknown';
}

/** The `$schema` URI onematter compiles forms as. */
export const formDialect = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Generates engine/model/types.generated.ts from the meta-schemas (the single source of truth).
 * `npm run typegen:model` writes it; test/model-types.test.ts fails when the committed file drifts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const modelDir = fileURLToPath(new URL('../../engine/model/', import.meta.url));
export const generatedTypesPath = `${modelDir}types.generated.ts`;
const schemaFiles = ['definition.schema.json', 'shared-data.schema.json', 'bundle.schema.json', 'regions.schema.json'];

const banner = `/* eslint-disable */
/**
 * GENERATED from engine/model/*.schema.json by \`npm run typegen:model\`. Do not edit by hand:
 * change the meta-schema and regenerate (a test fails when this file drifts).
 */

/** A JSON object whose shape the meta-schema leaves open (a JSON Schema, a uiSchema). */
export type JsonObject = { [key: string]: unknown };`;

/** Renders the TypeScript types of every meta-schema, in a stable order. */
export async function generateModelTypes(): Promise<string> {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const file of schemaFiles) {
    const schema = JSON.parse(await readFile(modelDir + file, 'utf8')) as JSONSchema;
    const ts = await compile(schema, String(schema.title), {
      bannerComment: '',
      cwd: modelDir,
      additionalProperties: false,
      unreachableDefinitions: false,
      strictIndexSignatures: true,
      format: true,
      ignoreMinAndMaxItems: true,
      style: { singleQuote: true, printWidth: 120 },
      $refOptions: { resolve: { http: false } } as never,
    });
    // Later files reference the definition's shared types; keep one declaration of each.
    for (const block of ts.split(/\n(?=(?:\/\*\*[\s\S]*?\*\/\n)?export )/)) {
      const name = /export (?:interface|type) (\w+)/.exec(block)?.[1];
      if (!name || seen.has(name)) continue;
      seen.add(name);
      parts.push(block.trim());
    }
  }
  return `${banner}\n\n${parts.join('\n\n')}\n`;
}

if (process.argv.includes('--write')) {
  await writeFile(generatedTypesPath, await generateModelTypes());
  console.log(`wrote ${generatedTypesPath}`);
}

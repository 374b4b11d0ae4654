/**
 * What an applicant's browser loads (issue 12, "lighter applicant pages"): the portal is built in memory (nothing is
 * written, so no other build is disturbed) and the chunks the catalogue, guide and form pages load are read module by
 * module. The applicant pages must not carry ajv's compiler (the form's validators come precompiled from the server,
 * and the CSP forbids compiling), rjsf's markdown parser (loaded when a form first shows markdown), the designer, or
 * the pages off the applicant's way (loaded when first shown).
 */
import { fileURLToPath } from 'node:url';
import type { OutputChunk } from 'rolldown';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const config = fileURLToPath(new URL('../runtime/web/vite.config.ts', import.meta.url));
let chunks: Map<string, OutputChunk>;

// the chunks loaded with `start` (its static imports, transitively)
function staticClosure(start: OutputChunk): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) if (chunks.has(name)) visit(chunks.get(name)!);
  };
  visit(start);
  return [...seen.values()];
}
const modulesOf = (list: OutputChunk[]) => list.flatMap((c) => Object.keys(c.modules)).map((id) => id.replaceAll('\\', '/'));
const chunkOf = (module: RegExp) => [...chunks.values()].find((c) => c.facadeModuleId && module.test(c.facadeModuleId.replaceAll('\\', '/')));

beforeAll(async () => {
  const result = await build({ configFile: config, logLevel: 'silent', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: (OutputChunk | { type: 'asset' })[] }[];
  chunks = new Map(outputs.flatMap((o) => o.output).filter((o): o is OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
}, 180_000);

describe('the applicant pages\' JavaScript', () => {
  const applicant = () => {
    const entry = [...chunks.values()].find((c) => c.isEntry)!;
    const form = chunkOf(/runtime\/web\/pages\/CaseForm\.tsx$/);
    expect(form, 'the form is a chunk of its own').toBeDefined();
    return modulesOf([...staticClosure(entry), ...staticClosure(form!)]);
  };

  it('holds no ajv compiler: only the runtime helpers precompiled validators name', () => {
    const modules = applicant();
    expect(modules.filter((m) => /node_modules\/ajv\/dist\/(compile|vocabularies|core\.js|ajv\.js|2020\.js)/.test(m))).toEqual([]);
    expect(modules.filter((m) => /engine\/form\/ajv\.ts|runtime\/form\/compiling-validator\.ts/.test(m))).toEqual([]);
    expect(modules.some((m) => m.endsWith('runtime/web/no-compiler.ts'))).toBe(true);
    // no URI library: ajv's (runtime/uri) is not handed to the validators, rjsf's own is stubbed (test/portal-no-uri.test.ts)
    expect(modules.filter((m) => /\/fast-uri\//.test(m))).toEqual([]);
    expect(modules.some((m) => m.endsWith('runtime/web/no-uri-resolver.ts'))).toBe(true);
    // rjsf's deep equality is the portal's own (test/portal-deep-equals.test.ts holds it to fast-equals)
    expect(modules.filter((m) => /\/fast-equals\//.test(m))).toEqual([]);
    expect(modules.some((m) => m.endsWith('runtime/web/deep-equals.ts'))).toBe(true);
  });

  it('loads the markdown parser only when a form shows markdown', () => {
    expect(applicant().filter((m) => m.includes('/markdown-to-jsx/'))).toEqual([]);
    const lazy = [...chunks.values()].filter((c) => Object.keys(c.modules).some((m) => m.includes('/markdown-to-jsx/')));
    expect(lazy.length).toBe(1);
    expect(lazy[0]!.isDynamicEntry).toBe(true);
  });

  it('holds neither the designer nor the engine\'s review, diff and metrics', () => {
    expect(applicant().filter((m) => /\/designer\/|engine\/(review|diff|metrics|validate)\//.test(m))).toEqual([]);
  });

  it('carries the Chinese words only: the English ones are a chunk fetched when English is chosen (task E2)', () => {
    const modules = applicant();
    expect(modules.some((m) => m.endsWith('runtime/web/i18n-zh.ts'))).toBe(true);
    expect(modules.filter((m) => m.endsWith('runtime/web/i18n-en.ts'))).toEqual([]);
    const english = [...chunks.values()].filter((c) => Object.keys(c.modules).some((m) => m.replaceAll('\\', '/').endsWith('runtime/web/i18n-en.ts')));
    expect(english.map((c) => c.isDynamicEntry)).toEqual([true]);
  });

  it('leaves rjsf\'s parts no catalogue form uses (arrays, anyOf/oneOf, layout grids, uiSchema-only widgets) to chunks fetched on first use', () => {
    const modules = applicant();
    for (const part of ['fields/ArrayField', 'fields/MultiSchemaField', 'fields/LayoutGridField', 'widgets/AltDateWidget', 'widgets/FileWidget', 'widgets/RatingWidget', 'templates/ArrayFieldTemplate']) {
      // (the stand-in that loads it, a virtual module named after it, stays)
      expect(modules.filter((m) => m.endsWith(`@rjsf/core/lib/components/${part}.js`) && !m.startsWith('\0')), part).toEqual([]);
      const chunk = chunkOf(new RegExp(`@rjsf/core/lib/components/${part}\\.js$`));
      expect(chunk?.isDynamicEntry, part).toBe(true);
    }
    // what every catalogue form renders with stays in the form's own JavaScript
    for (const part of ['fields/ObjectField', 'fields/StringField', 'widgets/SelectWidget', 'widgets/DateWidget', 'templates/BaseInputTemplate']) {
      expect(modules.some((m) => m.endsWith(`@rjsf/core/lib/components/${part}.js`)), part).toBe(true);
    }
  });

  it('leaves the pages off the applicant\'s way to chunks of their own', () => {
    const modules = applicant();
    for (const page of ['Queue', 'Sessions', 'SignIn', 'Verify', 'MyCases', 'PublicCertificate']) {
      expect(modules.filter((m) => m.endsWith(`runtime/web/pages/${page}.tsx`)), page).toEqual([]);
      expect(chunkOf(new RegExp(`runtime/web/pages/${page}\\.tsx$`)), page).toBeDefined();
    }
  });
});

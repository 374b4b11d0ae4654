/** Builds the applicant portal and clerk workbench: `vite build --config runtime/web/vite.config.ts` → runtime/web/dist. */
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Keeps what applicants never run out of their JavaScript (issue 12, "lighter applicant pages"), by putting a module
 * in place of another for the importers named (test/portal-bundle.test.ts checks the result):
 * - ajv's compiler (MatterForm's in-page validator, the engine's own way to decide situation conditions): the portal
 *   uses the validator and conditions the server precompiled for the form, and its CSP forbids compiling anyway;
 * - rjsf's markdown parser: loaded when a form first shows markdown, not with every form.
 * - rjsf's URI library (fast-uri): reached only for a root `$schema` of draft 2020-12, which render-schema.ts drops.
 * - the English words (i18n-en.ts): i18n-en-lazy.ts fetches them when English is first chosen.
 * - fast-equals, rjsf's deep equality: deep-equals.ts does the comparison rjsf asks for, on what its values hold.
 */
const rjsfCore = here('../../node_modules/@rjsf/core/lib/components/');
/**
 * rjsf's registry parts no catalogue form reaches (no arrays, anyOf/oneOf, layout grids, or the widgets only a
 * uiSchema names): each becomes a chunk fetched when a form first renders it (lazy-rjsf.tsx; task E2), keyed by the
 * registry module that imports it.
 */
const lazyRjsfParts = new Map<string, string[]>([
  [`${rjsfCore}fields/index.js`, ['./ArrayField.js', './CyclicSchemaField.js', './FallbackField.js', './LayoutGridField.js', './LayoutHeaderField.js', './LayoutMultiSchemaField.js', './MultiSchemaField.js', './NullField.js', './OptionalDataControlsField.js']],
  [`${rjsfCore}widgets/index.js`, ['./AltDateTimeWidget.js', './AltDateWidget.js', './CheckboxesWidget.js', './ColorWidget.js', './DateTimeWidget.js', './EmailWidget.js', './FileWidget.js', './HiddenWidget.js', './PasswordWidget.js', './RangeWidget.js', './RatingWidget.js', './TextareaWidget.js', './TimeWidget.js', './URLWidget.js']],
  [`${rjsfCore}templates/index.js`, ['./ArrayFieldDescriptionTemplate.js', './ArrayFieldItemButtonsTemplate.js', './ArrayFieldItemTemplate.js', './ArrayFieldTemplate.js', './ArrayFieldTitleTemplate.js', './CyclicSchemaExpandTemplate.js', './FallbackFieldTemplate.js', './GridTemplate.js', './MultiSchemaFieldTemplate.js', './OptionalDataControlsTemplate.js', './UnsupportedField.js']],
]);
const lazyPrefix = '\0onematter-lazy-rjsf:';
const lazyRjsfReal = new Set([
  ...[...lazyRjsfParts].flatMap(([index, parts]) => parts.map((part) => resolve(dirname(index), part))),
  // helpers only those parts use, which go with them
  ...['utils/lib/useAltDateWidgetProps.js', 'utils/lib/useFileWidgetProps.js', 'utils/lib/dateRangeOptions.js', 'utils/lib/dataURItoBlob.js', 'core/lib/components/fields/formDataForNewOption.js'].map((m) => here(`../../node_modules/@rjsf/${m}`)),
]);
// what the form's libraries import in place of their own modules (they go with them, or the chunks import each other)
const formLibraryStandIns = new Set([here('./lazy-rjsf.tsx'), here('./lazy-markdown.tsx'), here('./no-uri-resolver.ts'), here('./deep-equals.ts')]);
const formLibraries = /[\\/]node_modules[\\/](@rjsf|@x0k|ajv|ajv-formats|fast-equals|fast-deep-equal|jsonpointer|react-is)[\\/]/;

function applicantWeight(): Plugin {
  const replaced: { importer: string; source: string; by: string }[] = [
    { importer: here('../form/'), source: './compiling-validator.ts', by: here('./no-compiler.ts') },
    { importer: here('../../engine/situations/'), source: '../form/ajv.ts', by: here('./no-compiler.ts') },
    { importer: here('../../node_modules/@rjsf/core/'), source: 'markdown-to-jsx/react', by: here('./lazy-markdown.tsx') },
    // rjsf's URI library, used only for a root schema declaring draft 2020-12, which the portal's never does (task E2)
    { importer: here('../../node_modules/@rjsf/utils/'), source: 'fast-uri', by: here('./no-uri-resolver.ts') },
    // rjsf's deep equality: a small one for JSON and functions in place of fast-equals (task E2)
    { importer: here('../../node_modules/@rjsf/utils/'), source: 'fast-equals', by: here('./deep-equals.ts') },
    // the English words: loaded when English is first chosen, not with every page (task E2)
    { importer: here('./i18n.ts'), source: './i18n-en.ts', by: here('./i18n-en-lazy.ts') },
  ];
  return {
    name: 'onematter:applicant-weight',
    enforce: 'pre',
    resolveId(source, importer) {
      const hit = importer && replaced.find((r) => r.source === source && importer.startsWith(r.importer));
      if (hit) return hit.by;
      if (!importer || !lazyRjsfParts.get(importer.split('?')[0]!)?.includes(source)) return null;
      return `${lazyPrefix}${resolve(dirname(importer), source)}`;
    },
    load(id) {
      if (!id.startsWith(lazyPrefix)) return null;
      const real = id.slice(lazyPrefix.length);
      const name = basename(real, '.js');
      return `import { lazyRjsf } from ${JSON.stringify(here('./lazy-rjsf.tsx'))};\nexport default lazyRjsf(() => import(${JSON.stringify(real)}), ${JSON.stringify(name)});\n`;
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [applicantWeight()],
  // the form component reads JSON schemas from definitions/ at build time
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // the chunks the form's libraries load on first use (lazy-rjsf.tsx, lazy-markdown.tsx) need nothing the form has
    // not loaded already, but for the odd helper their own imports fetch: no list of what to preload for them (E2)
    modulePreload: { resolveDependencies: (_file, deps, { hostId }) => (/(^|\/)form-libraries-[\w-]+\.js$/.test(hostId) ? [] : deps) },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // the form's libraries in one chunk, which the form and rjsf's lazily loaded parts both import: otherwise
          // the modules they share would each become a small chunk of their own (task E2)
          // (and only them: not React, which they import, and every page needs); React and the small helpers every
          // chunk imports make one chunk too, rather than one each
          groups: [
            { name: 'form-libraries', test: (id: string) => (formLibraries.test(id) && !lazyRjsfReal.has(id)) || formLibraryStandIns.has(id) || id.startsWith(lazyPrefix), includeDependenciesRecursively: false },
            { name: 'react', test: (id: string) => /[\\/]node_modules[\\/](react|scheduler)[\\/]|vite[\\/]preload-helper/.test(id), includeDependenciesRecursively: false },
          ],
        },
      },
      // rjsf marks its modules 'use client' (a React Server Components hint that means nothing in this bundle)
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});

/**
 * Names for `onematter typegen`: each definition's form type and output file are named after the definition's path,
 * `…/<matter folder>/<file>.json` — the catalogue's layout `matters/<matter>/<region>.json` — so
 * `matters/residence-permit/hangzhou.json` gives type `ResidencePermitHangzhouForm` in `residence-permit.hangzhou.ts`
 * and the baseline gives `ResidencePermitBaselineForm` in `residence-permit.baseline.ts`.
 *
 * Words are the ASCII letter and digit runs of each path segment (camelCase humps split too); a type name
 * capitalizes each word, a file name joins them with `-` in lower case. A segment without ASCII letters or digits
 * (`杭州.json`) falls back to the English region name (for the file) or the English title (for the folder). A name
 * that would start with a digit is prefixed with `Matter`. When two definitions get the same name, both take in
 * further parent folders until the names differ; when the folders run out, the later file (in path order) gets `2`,
 * `3`, … Names therefore depend only on the paths and English names of the definitions generated together.
 */

/** What naming needs to know of one definition. */
export interface NamingInput {
  /** The definition's file, relative to the working folder, `/`- or `\`-separated. */
  readonly file: string;
  /** The matter's English title, used when the folder name has no ASCII letters or digits. */
  readonly titleEn: string;
  /** The region's English name, used when the file name has no ASCII letters or digits. */
  readonly regionEn: string;
}

/** The form type's name (`ResidencePermitHangzhouForm`) and its output file (`residence-permit.hangzhou.ts`). */
export interface FormTypeName {
  readonly typeName: string;
  readonly fileName: string;
}

/** Splits text into lower-case ASCII words: `residence-permit` → residence, permit; `newBorn2` → new, born2. */
export function words(text: string): string[] {
  const spaced = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return (spaced.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w.toLowerCase());
}

const pascal = (ws: readonly string[]): string => ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** The path's segments without the `.json` extension: `a/b/c.json` → a, b, c. */
const segmentsOf = (file: string): string[] => file.replace(/\.json$/i, '').split(/[\\/]+/).filter((s) => s !== '' && s !== '.' && s !== '..');

/** Names every definition, unique among those given (see the module comment for the rules). */
export function formTypeNames(inputs: readonly NamingInput[]): Map<string, FormTypeName> {
  const parts = inputs.map((input) => {
    const segments = segmentsOf(input.file);
    const own = words(segments.at(-1) ?? '');
    const folder = segments.length > 1 ? words(segments.at(-2)!) : [];
    return {
      input,
      ancestors: segments.slice(0, -2).map(words).filter((ws) => ws.length > 0),
      tail: [folder.length > 0 ? folder : words(input.titleEn), own.length > 0 ? own : words(input.regionEn)],
    };
  });
  // Take in parent folders while names clash and some clashing file still has folders left.
  const depth = new Map(parts.map((p) => [p, 0]));
  const groupsOf = () => {
    const groups = new Map<string, typeof parts>();
    for (const p of parts) {
      const key = nameOf(p.ancestors.slice(p.ancestors.length - depth.get(p)!), p.tail).typeName.toLowerCase();
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    return groups;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const group of groupsOf().values()) {
      if (group.length < 2) continue;
      for (const p of group) {
        if (depth.get(p)! < p.ancestors.length) {
          depth.set(p, depth.get(p)! + 1);
          grew = true;
        }
      }
    }
  }
  const names = new Map<string, FormTypeName>();
  const groups = [...groupsOf().values()];
  const used = new Set(groups.map((g) => nameOf(g[0]!.ancestors.slice(g[0]!.ancestors.length - depth.get(g[0]!)!), g[0]!.tail).typeName.toLowerCase()));
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => (a.input.file < b.input.file ? -1 : a.input.file > b.input.file ? 1 : 0));
    sorted.forEach((p, i) => {
      const base = nameOf(p.ancestors.slice(p.ancestors.length - depth.get(p)!), p.tail);
      if (i === 0) return names.set(p.input.file, base);
      let n = i + 1;
      while (used.has(base.typeName.replace(/Form$/, `${n}Form`).toLowerCase())) n++;
      const named = { typeName: base.typeName.replace(/Form$/, `${n}Form`), fileName: base.fileName.replace(/\.ts$/, `.${n}.ts`) };
      used.add(named.typeName.toLowerCase());
      names.set(p.input.file, named);
    });
  }
  return names;
}

function nameOf(ancestors: readonly string[][], tail: readonly string[][]): FormTypeName {
  const groups = [...ancestors, ...tail].filter((ws) => ws.length > 0);
  let typeName = `${groups.map(pascal).join('')}Form`;
  if (!/^[A-Za-z]/.test(typeName)) typeName = `Matter${typeName}`;
  const fileName = groups.map((ws) => ws.join('-')).join('.') || 'form';
  return { typeName, fileName: `${fileName === 'index' ? 'index.form' : fileName}.ts` };
}

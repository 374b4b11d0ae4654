/**
 * The files a case event references (`files: { materialId: sha256[] }` of submit and act): each must have been
 * uploaded for that case and material. Checked before the step; the store checks again inside its transaction.
 */
import { InvalidEventPayloadError, type FieldError } from '../cases/errors.ts';
import type { FileReference, Store } from '../store/types.ts';

/** Files by material id, as callers send them. */
export type MaterialFiles = Readonly<Record<string, readonly string[]>>;

const sha256 = /^[0-9a-f]{64}$/;
const maxFiles = 200;

/** The references `files` makes for `caseId`; throws InvalidEventPayloadError (pointers into `/files`) for any not uploaded. */
export async function fileReferences(store: Pick<Store, 'filesOf'>, caseId: string, files: MaterialFiles | undefined): Promise<FileReference[]> {
  if (files === undefined) return [];
  if (typeof files !== 'object' || files === null || Array.isArray(files)) throw new InvalidEventPayloadError([{ pointer: '/files', keyword: 'type', message: 'must be an object of material ids to arrays of sha256 hashes' }]);
  const errors: FieldError[] = [];
  const wanted: FileReference[] = [];
  for (const [materialId, hashes] of Object.entries(files)) {
    const at = `/files/${materialId.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (!Array.isArray(hashes)) {
      errors.push({ pointer: at, keyword: 'type', message: 'must be an array of sha256 hashes' });
      continue;
    }
    hashes.forEach((h: unknown, i) => {
      if (typeof h !== 'string' || !sha256.test(h)) errors.push({ pointer: `${at}/${i}`, keyword: 'pattern', message: 'must be a lowercase hex sha256' });
      else if (!wanted.some((w) => w.materialId === materialId && w.sha256 === h)) wanted.push({ caseId, materialId, sha256: h });
    });
  }
  if (wanted.length > maxFiles) errors.push({ pointer: '/files', keyword: 'maxItems', message: `must reference at most ${maxFiles} files` });
  if (errors.length === 0 && wanted.length > 0) {
    const uploaded = new Set((await store.filesOf(caseId)).map((f) => `${f.materialId}\u0000${f.sha256}`));
    for (const w of wanted) {
      if (!uploaded.has(`${w.materialId}\u0000${w.sha256}`)) errors.push({ pointer: `/files/${w.materialId.replaceAll('~', '~0').replaceAll('/', '~1')}`, keyword: 'uploaded', message: `${w.sha256} was not uploaded for material ${w.materialId} of case ${caseId}` });
    }
  }
  if (errors.length > 0) throw new InvalidEventPayloadError(errors);
  return wanted;
}

/** The material ids that reference at least one file (they count as supplied). */
export const materialsWithFiles = (files: MaterialFiles | undefined): string[] => Object.entries(files ?? {}).filter(([, h]) => Array.isArray(h) && h.length > 0).map(([m]) => m);

/** The files a step references as its audit payload shows them: `{ files: { materialId: sha256[] } }`, or nothing. */
export function filesPayload(files: readonly FileReference[]): { files?: Record<string, string[]> } {
  if (files.length === 0) return {};
  const byMaterial: Record<string, string[]> = {};
  for (const f of files) (byMaterial[f.materialId] ??= []).push(f.sha256);
  return { files: byMaterial };
}

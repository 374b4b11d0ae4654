/** How `onematter export` writes a file: only when its bytes differ, never half-written. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `bytes` to `path` unless it holds them already, through a temporary file renamed into place; true when written. */
export async function writeIfChanged(path: string, bytes: Buffer): Promise<boolean> {
  const now = await readFile(path).catch(() => undefined);
  if (now?.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  return true;
}

/**
 * The server's data folder: the SQLite database, the accounts file, evidence files (files/), and two secrets made on first start and kept
 * (mode 0600) so sessions and issued e-certificates stay valid across restarts.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519Signer, type Signer } from '../certificates/signer.ts';

export interface DataFolder {
  readonly databasePath: string;
  readonly usersPath: string;
  /** Evidence files (content-addressed, see runtime/files/store.ts). */
  readonly filesDir: string;
  /** Signs session and CSRF cookies. */
  readonly cookieSecret: string;
  /** The seal e-certificates are signed with. */
  readonly signer: Signer;
}

/** Creates the folder if needed and reads (or makes, on first start) its secrets. */
export function openDataFolder(dataDir: string): DataFolder {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const cookieSecret = keep(join(dataDir, 'cookie-secret'), () => randomBytes(32).toString('base64url'));
  const sealPem = keep(join(dataDir, 'seal-key.pem'), () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const probe = ed25519Signer('probe', sealPem);
  const keyId = `onematter-seal-${createHash('sha256').update(probe.publicKeyPem).digest('hex').slice(0, 16)}`;
  return { databasePath: join(dataDir, 'onematter.sqlite'), usersPath: join(dataDir, 'users.json'), filesDir: join(dataDir, 'files'), cookieSecret, signer: ed25519Signer(keyId, sealPem) };
}

// The file's content, or `make()` written to it first (exclusively, so two starts never overwrite each other).
function keep(path: string, make: () => string): string {
  if (!existsSync(path)) {
    try {
      writeFileSync(path, make(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * The key that signs tokens: from the environment when a deployment sets one (several processes
 * must share it), otherwise generated once into the data directory, which the user CLI reads too.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_SECRET_FILE = 'token-secret';

export function loadTokenSecret(options: { dataDir: string; secret: string | null }): Uint8Array {
  if (options.secret) return new TextEncoder().encode(options.secret);
  mkdirSync(options.dataDir, { recursive: true });
  const path = join(options.dataDir, TOKEN_SECRET_FILE);
  try {
    // 'wx' fails if the file exists, so a server and a CLI starting together agree on one key.
    writeFileSync(path, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = readFileSync(path, 'utf8').trim();
  if (stored.length < 32) throw new Error(`${path} holds no usable token secret; delete it to make a new one`);
  return new TextEncoder().encode(stored);
}

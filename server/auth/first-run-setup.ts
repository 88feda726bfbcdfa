/**
 * First run: a server without an administrator prints a one-time set-up code in its log (as
 * Grafana, Gitea and Outline do); whoever can read the log opens the web app, types the code and
 * becomes the first administrator. Every start without an administrator prints a fresh code.
 */
import type { Logger } from '../logger';
import type { Storage } from '../storage/storage';
import { displayCode, issueCode } from './one-time-codes';

const SETUP_CODE_TTL_MS = 24 * 3_600_000;

export async function hasAdministrator(storage: Pick<Storage, 'users'>): Promise<boolean> {
  return (await storage.users.listUsers()).some((user) => user.isAdmin && !user.guest);
}

/** Issues and logs a set-up code when no administrator exists; the code (for tests), or null. */
export async function offerSetupCode(
  storage: Pick<Storage, 'users' | 'signinCodes'>,
  logger: Logger,
  webAppUrl: string,
): Promise<string | null> {
  if (await hasAdministrator(storage)) return null;
  const issued = await issueCode(
    storage.signinCodes,
    { purpose: 'setup', ttlMs: SETUP_CODE_TTL_MS, short: 'typed12' },
    Date.now(),
  );
  const code = displayCode(issued.short ?? '');
  logger.warn(
    { setupCode: code, url: webAppUrl },
    `Dampingi belum disiapkan / not set up yet. Buka ${webAppUrl} dan masukkan kode penyiapan / open it and enter the set-up code: ${code} (24 jam / hours)`,
  );
  return code;
}

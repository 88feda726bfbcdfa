/**
 * One-time codes: a long secret for links (`?signin=`) and, where a person types it, a short code —
 * 6 digits from an email, or letters and digits (set-up, pairing) from an alphabet without the
 * look-alikes 0/O, 1/I/L. Only hashes are stored (./tokens.ts); each code works once, until it expires.
 */
import { randomInt } from 'node:crypto';
import type { GrantableRole } from '../../shared/auth/roles';
import { newCodeId } from '../ids';
import type { CodePurpose, SigninCodeRecord, SigninCodeStore } from '../storage/storage';
import { hashSecret, newSecret } from './tokens';

const TYPED_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export type ShortCodeKind = 'digits' | 'typed8' | 'typed12';

function shortCode(kind: ShortCodeKind): string {
  if (kind === 'digits') return String(randomInt(0, 1_000_000)).padStart(6, '0');
  const length = kind === 'typed8' ? 8 : 12;
  let code = '';
  for (let index = 0; index < length; index += 1) code += TYPED_ALPHABET[randomInt(0, TYPED_ALPHABET.length)];
  return code;
}

/** XXXX-XXXX(-XXXX) for reading aloud or off a screen; digits stay as they are. */
export function displayCode(code: string): string {
  return /^\d+$/.test(code) ? code : (code.match(/.{1,4}/g) ?? [code]).join('-');
}

/** What a person types, as stored: no spaces or dashes, upper case. */
export function normalizeTypedCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export interface IssueCodeRequest {
  purpose: CodePurpose;
  ttlMs: number;
  /** Omitted: a link only. */
  short?: ShortCodeKind;
  email?: string | null;
  userId?: string | null;
  draftId?: string | null;
  role?: GrantableRole | null;
  createdBy?: string | null;
}

export interface IssuedCode {
  record: SigninCodeRecord;
  /** For the link; shown once, never stored. */
  secret: string;
  /** For typing; null when the code has none. */
  short: string | null;
}

export async function issueCode(store: SigninCodeStore, request: IssueCodeRequest, now: number): Promise<IssuedCode> {
  const secret = newSecret();
  const short = request.short ? shortCode(request.short) : null;
  const record = await store.createCode({
    id: newCodeId(),
    purpose: request.purpose,
    email: request.email ?? null,
    userId: request.userId ?? null,
    draftId: request.draftId ?? null,
    role: request.role ?? null,
    createdBy: request.createdBy ?? null,
    expiresAt: new Date(now + request.ttlMs).toISOString(),
    secretHash: hashSecret(secret),
    shortHash: short ? hashSecret(short) : null,
  });
  return { record, secret, short };
}

export function redeemSecret(store: SigninCodeStore, secret: string, now: number): Promise<SigninCodeRecord | null> {
  return store.consumeBySecret(hashSecret(secret), new Date(now).toISOString());
}

/** A wrong code counts against every open code it was tried on; at `maxFailedAttempts` they stop working. */
export function redeemShortCode(
  store: SigninCodeStore,
  request: { purpose: CodePurpose; email: string | null; code: string; maxFailedAttempts: number },
  now: number,
): Promise<SigninCodeRecord | null> {
  return store.consumeByShortCode(
    request.purpose,
    request.email,
    hashSecret(normalizeTypedCode(request.code)),
    new Date(now).toISOString(),
    request.maxFailedAttempts,
  );
}

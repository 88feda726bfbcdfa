/** Sign-in tokens: random, URL-safe, shown once; only their SHA-256 hash is stored. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes as base64url: 43 characters that survive a URL query string unescaped. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

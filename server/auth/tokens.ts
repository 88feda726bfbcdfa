/** Share link secrets: random, URL-safe, shown once; only their SHA-256 hash is stored. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes as base64url: 43 characters that survive a URL query string unescaped. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

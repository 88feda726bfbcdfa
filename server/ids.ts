/** Random, URL-safe identifiers for drafts and users (16 random bytes, 22 base64url characters). */
import { randomBytes } from 'node:crypto';

export function newDraftId(): string {
  return randomBytes(16).toString('base64url');
}

export function newUserId(): string {
  return randomBytes(16).toString('base64url');
}

export function newWorkspaceId(): string {
  return randomBytes(9).toString('base64url');
}

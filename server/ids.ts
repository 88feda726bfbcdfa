/** Random, URL-safe identifiers for drafts, users, workspaces and workspace templates. */
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

/** `ws-` and 20 lowercase hex characters: template ids allow only [a-z0-9-] (shared/templates/template-schema.ts). */
export function newTemplateId(): string {
  return `ws-${randomBytes(10).toString('hex')}`;
}

/** One-time sign-in codes (their secrets are separate and never stored). */
export function newCodeId(): string {
  return randomBytes(12).toString('base64url');
}

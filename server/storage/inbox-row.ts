/** What both stores keep beside an inbox clip's JSON: its SHA-256 (a repeat is recognised by it) and its size. */
import { createHash } from 'node:crypto';

export function inboxJsonFacts(clipJson: string): { hash: string; bytes: number } {
  return { hash: createHash('sha256').update(clipJson).digest('hex'), bytes: Buffer.byteLength(clipJson) };
}

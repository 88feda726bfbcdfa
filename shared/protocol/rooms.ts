/**
 * Sync rooms. The y-websocket URL is `<server>/sync/<room>`; one room per Yjs document.
 * A draft has a content document and a feedback document, each its own room, so rights differ
 * per document: a commenter may write feedback while the content stays read-only to them.
 */
import type { Capability } from '../auth/roles';
import { DraftIdSchema } from './api';

export const SYNC_PATH = '/sync';

export const roomKinds = ['content', 'feedback'] as const;
export type RoomKind = (typeof roomKinds)[number];

/** What a connection needs to change the room's document (reading needs `read`). */
export const writeCapabilityOf: Readonly<Record<RoomKind, Capability>> = {
  content: 'edit-content',
  feedback: 'write-feedback',
};

export interface RoomRef {
  draftId: string;
  kind: RoomKind;
}

export function roomName(draftId: string, kind: RoomKind = 'content'): string {
  return kind === 'content' ? draftId : `${draftId}.${kind}`;
}

export function parseRoomName(name: string): RoomRef | null {
  const [draftId, kind = 'content', ...rest] = name.split('.');
  if (rest.length > 0 || !DraftIdSchema.safeParse(draftId).success) return null;
  if (!(roomKinds as readonly string[]).includes(kind)) return null;
  return { draftId: draftId as string, kind: kind as RoomKind };
}

/** Turns the server's http(s) base URL into the ws(s) URL y-websocket connects to. */
export function syncUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = url.pathname.replace(/\/$/, '') + SYNC_PATH;
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/$/, '');
}

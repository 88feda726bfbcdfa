/**
 * Sync rooms. The y-websocket URL is `<server>/sync/<room>`; one room per Yjs document.
 * A draft has a content document and a mentoring document (feedback threads, stage history,
 * observations, reflection, plan), each its own room, so rights differ per document: a mentor may
 * write feedback while the content stays read-only to them.
 *
 * The mentoring document's room keeps the name it was born with, `<draftId>.feedback`: it is the
 * name in storage and of every browser's offline copy (IndexedDB), and renaming it would strand
 * edits made offline. Only the code calls it what it is.
 */
import type { Capability } from '../auth/roles';
import { DraftIdSchema } from '../model/ids';

export const SYNC_PATH = '/sync';

export const roomKinds = ['content', 'mentoring'] as const;
export type RoomKind = (typeof roomKinds)[number];

/** What a connection needs to change the room's document (reading needs `read`). */
export const writeCapabilityOf: Readonly<Record<RoomKind, Capability>> = {
  content: 'edit-content',
  mentoring: 'write-feedback',
};

export interface RoomRef {
  draftId: string;
  kind: RoomKind;
}

/** The suffix of each kind's room name, as stored and as every offline copy is named. */
const roomSuffix: Readonly<Record<RoomKind, string>> = { content: '', mentoring: '.feedback' };

export function roomName(draftId: string, kind: RoomKind = 'content'): string {
  return `${draftId}${roomSuffix[kind]}`;
}

export function parseRoomName(name: string): RoomRef | null {
  const [draftId, suffix, ...rest] = name.split('.');
  if (rest.length > 0 || !DraftIdSchema.safeParse(draftId).success) return null;
  const kind = roomKinds.find((each) => roomSuffix[each] === (suffix === undefined ? '' : `.${suffix}`));
  return kind ? { draftId: draftId as string, kind } : null;
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

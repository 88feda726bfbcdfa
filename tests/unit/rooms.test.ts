import { describe, expect, it } from 'vitest';
import { parseRoomName, roomName, syncUrl } from '../../shared/protocol/rooms';

describe('sync rooms', () => {
  it('a draft content room name round-trips', () => {
    expect(parseRoomName(roomName('abcDEF12_-'))).toEqual({ draftId: 'abcDEF12_-', kind: 'content' });
  });

  it('room names that are not drafts are refused', () => {
    for (const bad of ['', 'short', '../../etc/passwd', 'abcdefgh.unknown', 'abcdefgh.content.x', 'a b c d e f g h']) {
      expect(parseRoomName(bad), bad).toBeNull();
    }
  });

  it('the sync URL follows the server URL scheme', () => {
    expect(syncUrl('http://localhost:8787')).toBe('ws://localhost:8787/sync');
    expect(syncUrl('https://dampingi.sch.id/')).toBe('wss://dampingi.sch.id/sync');
  });
});

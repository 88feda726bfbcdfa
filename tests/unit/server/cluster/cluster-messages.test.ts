import { describe, expect, it } from 'vitest';
import {
  decodeClusterNotice,
  decodeRoomMessage,
  encodeRoomMessage,
  type RoomMessage,
} from '../../../../server/cluster/cluster-messages';

describe('cluster messages', () => {
  it('every kind survives the trip through Redis bytes', () => {
    const messages: RoomMessage[] = [
      { kind: 'update', sender: 'a:1', seq: 300, update: new Uint8Array([1, 2, 3]) },
      { kind: 'awareness', sender: 'b:2', update: new Uint8Array([9]) },
      { kind: 'head', sender: 'c:3', seq: 7 },
    ];
    for (const message of messages) expect(decodeRoomMessage(encodeRoomMessage(message))).toEqual(message);
  });

  it('truncated, padded or unknown bytes are dropped, not half-read', () => {
    const bytes = encodeRoomMessage({ kind: 'update', sender: 'a:1', seq: 3, update: new Uint8Array([1, 2]) });
    expect(decodeRoomMessage(bytes.slice(0, -1))).toBeNull();
    expect(decodeRoomMessage(new Uint8Array([...bytes, 0]))).toBeNull();
    expect(decodeRoomMessage(new Uint8Array([7, 0]))).toBeNull();
    expect(decodeClusterNotice('{"sender":"a","draftId":"d","userId":"u","role":"king"}')).toBeNull();
    expect(decodeClusterNotice('{"sender":"a","draftId":"d","userId":"u","role":null}')).toMatchObject({ role: null });
    expect(decodeClusterNotice('{"kind":"session-end","sender":"a","userId":"u","sessionIds":null}')).toMatchObject({
      kind: 'session-end',
      sessionIds: null,
    });
    expect(decodeClusterNotice('{"kind":"session-end","sender":"a","userId":"u","sessionIds":"all"}')).toBeNull();
  });
});

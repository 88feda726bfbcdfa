/**
 * What server processes of a cluster tell each other over Redis pub/sub. One channel per room carries
 * binary messages (lib0 encoding), each naming its sender so a process skips its own:
 *
 *   update     `[0, sender: varString, seq: varUint, update: varUint8Array]` committed as `seq`
 *   awareness  `[1, sender: varString, update: varUint8Array]`              presence, never stored
 *   head       `[2, sender: varString, seq: varUint]`                       the log reached `seq`
 *                                                                          (sent for updates whose
 *                                                                          publish failed)
 *
 * One channel for the whole cluster carries access changes and ended sessions as JSON (a role
 * changed, or a session ended, on one process applies to open connections on all). Redis is ours, yet a message that does not decode is dropped
 * and logged; the seq gap it leaves is filled from storage.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { RoleSchema } from '../../shared/auth/roles';

const Kind = { Update: 0, Awareness: 1, Head: 2 } as const;

export type RoomMessage =
  | { kind: 'update'; sender: string; seq: number; update: Uint8Array }
  | { kind: 'awareness'; sender: string; update: Uint8Array }
  | { kind: 'head'; sender: string; seq: number };

export const CHANNEL_PREFIX = 'dampingi:room:';
export const ACCESS_CHANNEL = 'dampingi:access';

export const roomChannel = (roomName: string): string => `${CHANNEL_PREFIX}${roomName}`;

export function encodeRoomMessage(message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, Kind.Update);
      encoding.writeVarString(encoder, message.sender);
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint(encoder, Kind.Awareness);
      encoding.writeVarString(encoder, message.sender);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'head':
      encoding.writeVarUint(encoder, Kind.Head);
      encoding.writeVarString(encoder, message.sender);
      encoding.writeVarUint(encoder, message.seq);
      break;
  }
  return encoding.toUint8Array(encoder);
}

export function decodeRoomMessage(bytes: Uint8Array): RoomMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const sender = decoding.readVarString(decoder);
    let message: RoomMessage | null = null;
    if (kind === Kind.Update) {
      const seq = decoding.readVarUint(decoder);
      message = { kind: 'update', sender, seq, update: decoding.readVarUint8Array(decoder) };
    } else if (kind === Kind.Awareness) {
      message = { kind: 'awareness', sender, update: decoding.readVarUint8Array(decoder) };
    } else if (kind === Kind.Head) {
      message = { kind: 'head', sender, seq: decoding.readVarUint(decoder) };
    }
    return message && !decoding.hasContent(decoder) ? message : null;
  } catch {
    return null; // truncated
  }
}

export const AccessChangeSchema = z.object({
  sender: z.string(),
  draftId: z.string(),
  userId: z.string(),
  role: RoleSchema.nullable(),
});
export type AccessChange = z.infer<typeof AccessChangeSchema>;

/** Sessions ended on one process (signed out, revoked): their connections on every process close. */
export const SessionEndSchema = z.object({
  kind: z.literal('session-end'),
  sender: z.string(),
  userId: z.string(),
  /** Null: every session of the user. */
  sessionIds: z.array(z.string()).max(10_000).nullable(),
});
export type SessionEnd = z.infer<typeof SessionEndSchema>;

const ClusterNoticeSchema = z.union([SessionEndSchema, AccessChangeSchema]);
export type ClusterNotice = z.infer<typeof ClusterNoticeSchema>;

export function decodeClusterNotice(text: string): ClusterNotice | null {
  try {
    const parsed = ClusterNoticeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

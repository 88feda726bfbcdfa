/**
 * Presence in a room (Yjs awareness: who is here, their cursor), relayed and never stored. The
 * server says who each state belongs to, not the client: a state's `user` is set from the
 * connection's account, a client id belongs to the connection that first set it (another account
 * cannot speak for it), and a state over the size limit is dropped.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { NOT_PLAIN, readPlain } from '../../shared/model/plain-data';
import { colorForUser, type PresenceUser } from '../../shared/presence';
import type { Logger } from '../logger';
import type { RoomSession } from './room-socket';
import { encodeAwarenessMessage } from './sync-messages';

/** What presence needs of a connection: who it is, and the client ids it speaks for. */
export interface PresenceSpeaker {
  readonly session: RoomSession;
  readonly presenceIds: Set<number>;
}

export interface RoomPresenceOptions<C extends PresenceSpeaker> {
  doc: Y.Doc;
  /** A state's JSON longer than this (UTF-16 units) is dropped: a cursor and a name take a few hundred. */
  maxStateChars: number;
  log: Logger;
  /** Everyone here now. */
  connections(): Iterable<C>;
  send(connection: C, message: Uint8Array): void;
  /** Cluster only: presence set or left here, for the other processes. */
  publish?(update: Uint8Array): void;
}

/** Origin of presence that came from another process of the cluster (already checked there). */
const REMOTE = Symbol('presence from another process');

export class RoomPresence<C extends PresenceSpeaker> {
  private readonly awareness: Awareness;
  private readonly owners = new Map<number, C>();

  constructor(private readonly options: RoomPresenceOptions<C>) {
    this.awareness = new Awareness(options.doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on('update', this.relay);
  }

  /** A validated awareness update from `connection` (sync-messages.ts checked its shape). */
  receive(connection: C, update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: Array<[number, number, string]> = [];
    for (let index = 0; index < count; index += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      // The stock provider sends back every state it receives: an echo is no newer than what we have.
      const known = this.awareness.meta.get(clientId)?.clock;
      if (known !== undefined && clock <= known) continue;
      const owner = this.owners.get(clientId);
      if (owner && owner !== connection && owner.session.userId !== connection.session.userId) {
        this.drop(connection, clientId, 'client id of another account');
        continue;
      }
      if (json.length > this.options.maxStateChars) {
        this.drop(connection, clientId, `state of ${json.length} characters`);
        continue;
      }
      const state = this.stamped(connection.session, JSON.parse(json));
      if (state === NOT_PLAIN) {
        this.drop(connection, clientId, 'state is not a plain object');
        continue;
      }
      if (owner && owner !== connection) owner.presenceIds.delete(clientId);
      this.owners.set(clientId, connection);
      connection.presenceIds.add(clientId);
      kept.push([clientId, clock, JSON.stringify(state)]);
    }
    if (kept.length > 0) applyAwarenessUpdate(this.awareness, encodeEntries(kept), connection);
  }

  /** Cluster: presence another process already checked. */
  receiveRemote(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** Everyone's presence, for a newcomer (or a client that asks). */
  sendAll(connection: C): void {
    const clientIds = [...this.awareness.getStates().keys()];
    if (clientIds.length > 0) this.options.send(connection, encodeAwarenessMessage(this.awareness, clientIds));
  }

  /** The connection left: its cursors disappear for everyone. */
  leave(connection: C, why: 'left' | 'closed'): void {
    const ids = [...connection.presenceIds].filter((id) => this.owners.get(id) === connection);
    for (const id of ids) this.owners.delete(id);
    connection.presenceIds.clear();
    removeAwarenessStates(this.awareness, ids, why);
  }

  destroy(): void {
    this.awareness.off('update', this.relay);
    this.awareness.destroy();
  }

  /** The state with `user` set from the account; null (leaving) stays null. */
  private stamped(session: RoomSession, state: unknown): Record<string, unknown> | null | typeof NOT_PLAIN {
    if (state === null) return null;
    const plain = readPlain(state);
    if (plain === NOT_PLAIN || plain === null || typeof plain !== 'object' || Array.isArray(plain)) return NOT_PLAIN;
    const user: PresenceUser = {
      id: session.userId,
      name: session.userName,
      color: colorForUser(session.userId),
      guest: session.guest,
    };
    return { ...plain, user };
  }

  private drop(connection: C, clientId: number, why: string): void {
    this.options.log.debug({ connection: connection.session.connectionId, clientId, why }, 'dropped a presence state');
  }

  private readonly relay = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const message = encodeAwarenessMessage(this.awareness, changed);
    for (const connection of this.options.connections()) {
      if (connection !== origin) this.options.send(connection, message);
    }
    // Presence set or left here reaches the other processes; theirs and timeouts stay local.
    if (this.options.publish && origin !== REMOTE && origin !== 'timeout') {
      this.options.publish(encodeAwarenessUpdate(this.awareness, changed));
    }
  };
}

function encodeEntries(entries: ReadonlyArray<[number, number, string]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

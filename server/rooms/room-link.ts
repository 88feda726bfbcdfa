/**
 * How a room shares its document with the same room in other server processes (a cluster, see
 * server/cluster): it publishes what it committed and receives what the others committed, each
 * update with its seq in the document's log. Absent when the server runs as one process.
 */

/** The room's side: what the cluster delivers to it. */
export interface RoomPeer {
  /** Another process committed `update` as `seq` of this document. */
  receiveUpdate(seq: number, update: Uint8Array): void;
  /** Another process's clients' presence changed (an awareness update; never stored). */
  receiveAwareness(update: Uint8Array): void;
  /** Another process says the log reached `seq`; missed messages are read from storage. */
  receiveHead(seq: number): void;
  /** Messages may have been missed (the link to the others was down): read what storage has. */
  catchUp(): void;
}

/** The cluster's side: what the room sends out. Publishing never throws nor waits. */
export interface RoomLink {
  publishUpdate(seq: number, update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  /** The room is unloaded: stop receiving. */
  close(): void;
}

/**
 * Resolves once the room receives what others publish from now on (or, the link being down, once
 * it is registered to catch up when the link returns), so that loading after it misses nothing.
 */
export type JoinCluster = (roomName: string, peer: RoomPeer) => Promise<RoomLink>;

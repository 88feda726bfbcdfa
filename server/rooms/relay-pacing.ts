/**
 * Pacing a large update's relay to its readers. Its slices are applied far faster than a reader
 * takes them over a network, and every slice waiting in a socket's queue is memory: relayed all at
 * once, a 200 MB backlog would sit in the queues (its size again) beside the document it grew. So
 * between two slices the room waits until no reader has more than `aheadBytes` waiting — but not
 * for a reader that takes nothing for `stalledMs`: it is given up on for the rest of the update
 * (it is sent the rest as ever, and the too-slow rule of ws-room-socket.ts deals with it), so a
 * stuck reader delays a merge once by that much, not once per slice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RoomSocket } from './room-socket';

/** What may wait for a reader between two slices: a few slices, so its line is never idle. */
export const RELAY_AHEAD_BYTES = 8 * 1024 * 1024;
/** A reader that takes nothing for this long is not waited for again during this update. */
export const RELAY_STALLED_MS = 2_000;
const POLL_MS = 5;

export interface RelayPacingOptions {
  aheadBytes: number;
  stalledMs: number;
  now?: () => number;
}

/** A pacer for one update: call it after each relayed slice. */
export function relayPacer(
  readers: () => Iterable<{ socket: RoomSocket }>,
  { aheadBytes, stalledMs, now = Date.now }: RelayPacingOptions,
): () => Promise<void> {
  const givenUp = new WeakSet<object>();
  return async () => {
    // Progress is measured within one wait: the next slice relayed adds to what is waiting.
    const progress = new WeakMap<object, { bytes: number; since: number }>();
    for (;;) {
      let waiting = false;
      for (const reader of readers()) {
        if (givenUp.has(reader)) continue;
        const bytes = reader.socket.bufferedBytes?.() ?? 0;
        if (bytes <= aheadBytes || !reader.socket.isOpen()) continue;
        const last = progress.get(reader);
        if (!last || bytes < last.bytes) progress.set(reader, { bytes, since: now() });
        else if (now() - last.since >= stalledMs) {
          givenUp.add(reader);
          continue;
        }
        waiting = true;
      }
      if (!waiting) return;
      await sleep(POLL_MS);
    }
  };
}

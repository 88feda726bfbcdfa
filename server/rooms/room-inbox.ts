/**
 * A room's inbox: messages as they arrive on each connection, checked (token still valid, decodes,
 * not too many waiting) and handled one at a time in arrival order. Consecutive updates from
 * writers are handed on together, so they are stored in one commit: a fast typist's burst, or
 * several people typing, waits for one disk flush instead of one each.
 */
import { CloseCode } from '../../shared/protocol/close-codes';
import type { CloseCodeValue, RoomConnection } from './room-connections';
import type { SerialQueue } from './serial-queue';
import { type ClientMessage, type DecodedUpdate, decodeClientMessage } from './sync-messages';

export interface RoomInboxOptions {
  queue: SerialQueue;
  maxMessageBytes: number;
  /** An update larger than this is scanned and sliced, not decoded whole (sync-messages.ts); unset: never. */
  sliceBytes?: number;
  /** Messages of one connection waiting (e.g. while the document loads); more close it with 4429. */
  maxPendingMessages: number;
  isOpen(connection: RoomConnection): boolean;
  hasExpired(connection: RoomConnection): boolean;
  close(connection: RoomConnection, code: CloseCodeValue, detail: string): void;
  /** Whether this update may wait for the commit of the updates around it (a writer's, not empty). */
  joinsRun(connection: RoomConnection, update: DecodedUpdate): boolean;
  storeRun(run: { connection: RoomConnection; update: DecodedUpdate }[]): Promise<void>;
  handle(connection: RoomConnection, message: ClientMessage): Promise<void>;
}

export class RoomInbox {
  /** Messages received and not yet handled, in order; a drain task in the queue takes them. */
  private waiting: { connection: RoomConnection; message: ClientMessage }[] = [];
  private drainQueued = false;

  constructor(private readonly options: RoomInboxOptions) {}

  receive(connection: RoomConnection, bytes: Uint8Array): void {
    const { options } = this;
    if (!options.isOpen(connection)) return; // frames still in flight after we closed it
    if (options.hasExpired(connection)) {
      options.close(connection, CloseCode.Unauthorized, 'token expired');
      return;
    }
    const decoded = decodeClientMessage(bytes, options.maxMessageBytes, options.sliceBytes);
    if (!decoded.ok) {
      options.close(connection, decoded.closeCode, decoded.detail);
      return;
    }
    if (connection.pending >= options.maxPendingMessages) {
      options.close(connection, CloseCode.RateLimited, `more than ${connection.pending} messages waiting`);
      return;
    }
    connection.pending += 1;
    this.waiting.push({ connection, message: decoded.message });
    if (!this.drainQueued) {
      this.drainQueued = true;
      options.queue.push(() => this.drain());
    }
  }

  /** Handles the messages waiting now, in order; what arrives meanwhile waits for the next drain. */
  private async drain(): Promise<void> {
    this.drainQueued = false;
    const batch = this.waiting;
    this.waiting = [];
    try {
      let run: { connection: RoomConnection; update: DecodedUpdate }[] = [];
      for (const { connection, message } of batch) {
        if (message.type === 'sync-update' && this.options.joinsRun(connection, message.update)) {
          run.push({ connection, update: message.update });
          continue;
        }
        if (run.length > 0) await this.options.storeRun(run);
        run = [];
        await this.options.handle(connection, message);
      }
      if (run.length > 0) await this.options.storeRun(run);
    } finally {
      for (const item of batch) item.connection.pending -= 1;
    }
  }
}

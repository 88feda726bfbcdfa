/**
 * A large update stored as several smaller ones that each stand as a valid update and, applied in
 * order, make the same document: SQLite copies a bound blob twice while inserting it (2× its size at
 * once: 386 MiB more for a 200 MB backlog), a slice of a few MiB costs that much only. Cut from the
 * decoded structs, for a room whose policy reads updates whole (the mentoring room); a draft's room
 * cuts at the byte level without decoding the whole (update-byte-slices.ts).
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeStructs, splitLargeText } from '../../shared/sync/update-structs';
import { groupIntoPieces } from './sync-chunks';
import type { DecodedUpdate } from './sync-messages';

/**
 * The update itself when it is at most `sliceBytes`, else its structs in slices of about
 * `sliceBytes`, then its deletions alone. Encoded one at a time as they are taken, so only one
 * slice exists besides the update; reads `update.structs`, so it runs before they are released.
 */
export function* updateSlices(update: DecodedUpdate, sliceBytes: number): Generator<Uint8Array> {
  if (update.bytes.byteLength <= sliceBytes) {
    yield update.bytes;
    return;
  }
  const structs = update.structs.flatMap((struct) => splitLargeText(struct, sliceBytes));
  for (const runs of groupIntoPieces(structs, sliceBytes)) yield encodeStructs(runs);
  if (update.deletes.clients.size > 0) yield encodeDeletions(update.deletes);
}

/** An update (v1) with no structs and these deletions, written as Yjs writes a delete set. */
function encodeDeletions(deletes: DecodedUpdate['deletes']): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0); // no structs
  encoding.writeVarUint(encoder.restEncoder, deletes.clients.size);
  for (const [client, ranges] of [...deletes.clients].sort((a, b) => b[0] - a[0])) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const range of ranges) {
      encoder.writeDsClock(range.clock);
      encoder.writeDsLen(range.len);
    }
  }
  return encoder.toUint8Array();
}

/** Why a page could not be clipped from its address: one reason from the contract, and a sentence for logs. */
import type { ClipFetchRefusal } from '../../shared/protocol/clip-inbox-api';

export class ClipRefusedError extends Error {
  constructor(
    readonly reason: ClipFetchRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ClipRefusedError';
  }
}

export function refuse(reason: ClipFetchRefusal, message: string): never {
  throw new ClipRefusedError(reason, message);
}

/** Yjs relative positions as the short base64 strings an anchor stores (no Node Buffer: shared is pure). */
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';

export function encodeRelativePosition(position: Y.RelativePosition): string {
  return bytesToBase64(Y.encodeRelativePosition(position));
}

export function decodeRelativePosition(value: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(base64ToBytes(value));
  } catch {
    return null;
  }
}

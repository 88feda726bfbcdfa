/** Yjs relative positions as the short base64 strings an anchor stores (no Node Buffer: shared is pure). */
import * as Y from 'yjs';

export function encodeRelativePosition(position: Y.RelativePosition): string {
  let binary = '';
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeRelativePosition(value: string): Y.RelativePosition | null {
  try {
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

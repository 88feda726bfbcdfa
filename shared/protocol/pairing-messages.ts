/**
 * "Hubungkan ekstensi": how the web app hands a one-time pairing code to the installed extension.
 *
 *   web app page ──window.postMessage(pair-extension, own origin)──▶ pairing bridge (content script,
 *     registered at run time for the configured server's origin only)
 *   bridge ──pairing-received──▶ page                  (an extension is there: wait for the result)
 *   bridge ──runtime.sendMessage(pair-with-code)──▶ background ── POST /api/extension/pair ──▶ server
 *   background ──{ ok, name } | { ok: false, reason }──▶ bridge ──pairing-result──▶ page
 *
 * The token stays in the background: only the person's name goes back to the page. Both sides
 * check every message with these schemas; a page without an answer shows the code to type instead.
 */
import { z } from 'zod';
import { TypedCodeSchema } from './auth-api';

export const PAGE_SOURCE = 'dampingi-web';
export const BRIDGE_SOURCE = 'dampingi-extension';

/** A pairing code is exactly eight letters and digits (shown as XXXX-XXXX). */
export const PairingCodeSchema = TypedCodeSchema.pipe(z.string().length(8, 'a pairing code has 8 characters'));

const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** Why pairing did not connect the extension; `pairing.failure.<reason>` says it to the person. */
export const PairingFailureSchema = z.enum([
  /** Unknown, used or expired code (or one typed wrong). */
  'code-refused',
  'suspended',
  'rate-limited',
  'network',
  'server-error',
  /** The page asking is not the server the extension is set to. */
  'other-server',
  'bad-message',
]);
export type PairingFailure = z.infer<typeof PairingFailureSchema>;

export const PairingOutcomeSchema = z.union([
  z.object({ ok: z.literal(true), name: z.string().max(200) }),
  z.object({ ok: z.literal(false), reason: PairingFailureSchema }),
]);
export type PairingOutcome = z.infer<typeof PairingOutcomeSchema>;

/** Page → bridge. */
export const PairRequestMessageSchema = z.object({
  source: z.literal(PAGE_SOURCE),
  type: z.literal('pair-extension'),
  requestId: RequestIdSchema,
  code: PairingCodeSchema,
});
export type PairRequestMessage = z.input<typeof PairRequestMessageSchema>;

/** Bridge → page. */
export const BridgeMessageSchema = z.discriminatedUnion('type', [
  z.object({ source: z.literal(BRIDGE_SOURCE), type: z.literal('pairing-received'), requestId: RequestIdSchema }),
  z.object({
    source: z.literal(BRIDGE_SOURCE),
    type: z.literal('pairing-result'),
    requestId: RequestIdSchema,
    outcome: PairingOutcomeSchema,
  }),
]);
export type BridgeMessage = z.infer<typeof BridgeMessageSchema>;

/** Bridge → background (`runtime.sendMessage`); the server is the sender's origin, checked there. */
export const PairWithCodeRequestSchema = z.object({ type: z.literal('pair-with-code'), code: PairingCodeSchema });
export type PairWithCodeRequest = z.infer<typeof PairWithCodeRequestSchema>;

/**
 * The extension's side of the web app's page (content script, isolated world): takes a pairing
 * request posted by the page of the server the extension is set to, forwards the code to the
 * background, and answers the page with the outcome — a name, never the token. Takes `win` as a
 * parameter so it is tested without a browser.
 */
import {
  BRIDGE_SOURCE,
  type BridgeMessage,
  type PairingOutcome,
  PairingOutcomeSchema,
  PairRequestMessageSchema,
} from '../../shared/protocol/pairing-messages';

type Answer = BridgeMessage extends infer M ? (M extends { source: string } ? Omit<M, 'source'> : never) : never;

/** Starts listening; returns the function that stops. */
export function startPageBridge(win: Window, forward: (code: string) => Promise<unknown>): () => void {
  const origin = win.location.origin;
  const answer = (message: Answer) => win.postMessage({ source: BRIDGE_SOURCE, ...message }, origin);

  const onMessage = (event: MessageEvent) => {
    // Only this page itself, from its own origin: not a frame, not another window that holds a reference.
    if (event.source !== win || event.origin !== origin) return;
    const parsed = PairRequestMessageSchema.safeParse(event.data);
    if (!parsed.success) return; // the page's other messages are none of ours
    const { requestId, code } = parsed.data;
    answer({ type: 'pairing-received', requestId });
    forward(code).then(
      (reply) => {
        const outcome = PairingOutcomeSchema.safeParse(reply);
        if (!outcome.success) console.warn('dampingi bridge: unexpected reply from the background', reply);
        answer({ type: 'pairing-result', requestId, outcome: outcome.success ? outcome.data : badMessage });
      },
      (error: unknown) => {
        console.warn('dampingi bridge: the background did not answer', error);
        answer({ type: 'pairing-result', requestId, outcome: badMessage });
      },
    );
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

const badMessage: PairingOutcome = { ok: false, reason: 'bad-message' };

/**
 * The page's side of "Hubungkan ekstensi": posts the pairing code to this page's own origin, where
 * the extension's bridge listens (shared/protocol/pairing-messages.ts), and waits for its answer.
 * No answer soon means no extension here: the page then shows the code to type. Takes `win` as a
 * parameter so it is tested without a browser.
 */
import {
  BridgeMessageSchema,
  PAGE_SOURCE,
  type PairingFailure,
  type PairRequestMessage,
} from '../../../shared/protocol/pairing-messages';

export type HandoffResult =
  | { kind: 'connected'; name: string }
  | { kind: 'refused'; reason: PairingFailure }
  | { kind: 'no-extension' };

export interface HandoffTimes {
  /** The bridge runs from the page's start and answers at once; silence this long means none is there. */
  answerWithinMs: number;
  /** Then the background asks the server; longer than this and the code is shown after all. */
  resultWithinMs: number;
}

const TIMES: HandoffTimes = { answerWithinMs: 1_500, resultWithinMs: 20_000 };

export function handCodeToExtension(win: Window, code: string, times: HandoffTimes = TIMES): Promise<HandoffResult> {
  const requestId = win.crypto.randomUUID();
  const origin = win.location.origin;
  return new Promise((resolve) => {
    let timer = win.setTimeout(() => finish({ kind: 'no-extension' }), times.answerWithinMs);
    function finish(result: HandoffResult) {
      win.clearTimeout(timer);
      win.removeEventListener('message', onMessage);
      resolve(result);
    }
    function onMessage(event: MessageEvent) {
      if (event.source !== win || event.origin !== origin) return;
      const parsed = BridgeMessageSchema.safeParse(event.data);
      if (!parsed.success || parsed.data.requestId !== requestId) return;
      const message = parsed.data;
      if (message.type === 'pairing-received') {
        win.clearTimeout(timer);
        timer = win.setTimeout(() => finish({ kind: 'refused', reason: 'network' }), times.resultWithinMs);
        return;
      }
      const { outcome } = message;
      finish(outcome.ok ? { kind: 'connected', name: outcome.name } : { kind: 'refused', reason: outcome.reason });
    }
    win.addEventListener('message', onMessage);
    const request: PairRequestMessage = { source: PAGE_SOURCE, type: 'pair-extension', requestId, code };
    // Only to this page's own origin: a frame of another site never sees the code.
    win.postMessage(request, origin);
  });
}

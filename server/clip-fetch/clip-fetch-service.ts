/**
 * Clipping from a URL as the HTTP routes see it: who may start one now (a rate per account, a cap on
 * clips in progress in this process) and the clip itself. Made at server start; the heavy part
 * (jsdom, extraction, the draft schema) is loaded on the first clip.
 */
import type { ClipFromUrlRequest, ClipFromUrlResponse } from '../../shared/protocol/clip-inbox-api';
import { createKeyedRateLimit } from '../http/keyed-rate-limit';
import { createExtractionThread } from './extraction-thread';
import type { ClipFetchSettings, HostResolver } from './fetch-settings';
import { httpTransport, type Transport } from './http-transport';
import { systemResolver } from './system-resolver';

export type ClipAdmission =
  | { ok: true; release(): void }
  | { ok: false; why: 'account-rate' | 'busy'; retryAfterSeconds: number };

export interface ClipFetchService {
  readonly settings: ClipFetchSettings;
  /** Before a clip: takes one of the account's allowance and a place among the clips in progress. */
  admit(userId: string): ClipAdmission;
  /** Throws ClipRefusedError (./clip-refusal.ts) when the page cannot or may not be clipped. */
  clip(request: ClipFromUrlRequest): Promise<ClipFromUrlResponse>;
  /** Ends the extraction thread. */
  close(): Promise<void>;
}

export interface ClipFetchServiceOptions {
  settings: ClipFetchSettings;
  /** The server's version, named in the User-Agent. */
  version: string;
  /** Tests: a stub resolver (never the real DNS). */
  resolve?: HostResolver;
  /** Tests: a stub transport (never the network). */
  transport?: Transport;
  now?: () => Date;
}

export function createClipFetchService(options: ClipFetchServiceOptions): ClipFetchService {
  const { settings } = options;
  const perAccount = createKeyedRateLimit({ count: settings.perAccountPerMinute, windowMs: 60_000, maxKeys: 10_000 });
  let inProgress = 0;
  const extraction = createExtractionThread();
  const userAgent = `Dampingi/${options.version} (lesson-media clipper; fetches a page a signed-in user shared)`;
  return {
    settings,
    admit(userId) {
      // The cap first: a busy server answers at once, without spending the account's allowance.
      if (inProgress >= settings.maxConcurrent) return { ok: false, why: 'busy', retryAfterSeconds: 5 };
      const decision = perAccount.take(userId);
      if (!decision.ok) return { ok: false, why: 'account-rate', retryAfterSeconds: decision.retryAfterSeconds };
      inProgress += 1;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          inProgress -= 1;
        },
      };
    },
    async clip(request) {
      const { clipFromUrl } = await import('./clip-from-url');
      return clipFromUrl(request, {
        settings,
        resolve: options.resolve ?? systemResolver,
        transport: options.transport ?? httpTransport,
        userAgent,
        extract: extraction.extract,
        now: options.now,
      });
    },
    close: () => extraction.close(),
  };
}

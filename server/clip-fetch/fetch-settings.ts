/**
 * Limits of fetching a shared page (and its pictures) on the server. The environment sets the time
 * budget, the per-account rate and the test-only loopback switch (server/config.ts); the rest are
 * fixed here and may be overridden by tests.
 */

export interface ClipFetchSettings {
  /**
   * FOR TESTS ONLY (`DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK=1`): loopback addresses (127.0.0.0/8, ::1)
   * may be fetched, so tests can serve pages from this machine. Every other non-public address is
   * still refused. Logged as a warning at start when on.
   */
  allowLoopback: boolean;
  /** Each stage of a clip — the page with its redirects, its extraction, its pictures — within this time. */
  timeoutMs: number;
  /** Redirects followed at most; each target is checked again from scratch. */
  maxRedirects: number;
  /** The page's body, decompressed. */
  maxPageBytes: number;
  /**
   * The page as parsed (characters), after scripts, styles and comments are removed (./lighten-html.ts). Parsing
   * and extracting (on the extraction thread, ./extraction-thread.ts) take memory and time in proportion
   * (about 400 MB and seconds to minutes for 2 MB of dense HTML): a page with more is refused `too-large`.
   */
  maxParsedChars: number;
  /** One picture's body. */
  maxImageBytes: number;
  /** Pictures fetched per clip; the rest keep only their alt text. */
  maxImages: number;
  /** All pictures of one clip together. */
  maxImageBytesTotal: number;
  /** Clips from a URL per account per minute (all arriving at once at most). */
  perAccountPerMinute: number;
  /** Clips from a URL in progress at once in this process (each holds a page and its parsed DOM). */
  maxConcurrent: number;
}

const MB = 1024 * 1024;

export const DEFAULT_CLIP_FETCH_SETTINGS: ClipFetchSettings = {
  allowLoopback: false,
  timeoutMs: 10_000,
  maxRedirects: 5,
  maxPageBytes: 5 * MB,
  maxParsedChars: 2 * MB,
  maxImageBytes: 2 * MB,
  maxImages: 12,
  maxImageBytesTotal: 6 * MB,
  perAccountPerMinute: 20,
  maxConcurrent: 4,
};

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. Tests pass a stub; the server uses the system's resolver. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Limits on `/api/join`, the one route that works without an account and makes accounts: joins
 * per client address, guest joins per share link, and guest accounts per share link in all.
 * Refusals are JSON errors the join page translates (429 `rate-limited` with retry-after, 403 `guest-limit`).
 */
import { clientAddress, clientLimitKey, type RequestOrigin } from '../transport/client-address';
import { createGuestAccountCap } from './guest-account-cap';
import { apiError, type JsonReply } from './json';
import { createKeyedRateLimit, type RateLimitDecision } from './keyed-rate-limit';

export interface JoinLimitSettings {
  /** Join requests per minute from one client address (IPv6: one /64), all arriving at once at most. */
  perAddressPerMinute: number;
  /** Joins that make a guest account, per hour through one share link. */
  guestJoinsPerLinkPerHour: number;
  /** Guest accounts one share link may make in all; after that only signed-in people join through it. */
  guestsPerLink: number;
}

export interface JoinLimitOptions {
  /** Read the client from X-Forwarded-For (DAMPINGI_TRUST_PROXY). */
  trustProxy: boolean;
  /** Addresses and links remembered at most, each (memory stays bounded). */
  maxKeys?: number;
  now?: () => number;
}

export type GuestAdmission = { ok: true; cancel(): void } | { ok: false; reply: JsonReply };

export interface JoinLimits {
  /** Null when this request may go on; every join counts against its address, signed in or not. */
  admitRequest(request: RequestOrigin): JsonReply | null;
  /** Before a guest account is made through `linkId`; `cancel` when none was made after all. */
  admitGuest(linkId: string): GuestAdmission;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

function rateLimited(decision: Extract<RateLimitDecision, { ok: false }>, message: string): JsonReply {
  return {
    ...apiError(429, 'rate-limited', `${message}; try again in ${decision.retryAfterSeconds} s`),
    headers: { 'retry-after': String(decision.retryAfterSeconds) },
  };
}

export function createJoinLimits(settings: JoinLimitSettings, options: JoinLimitOptions): JoinLimits {
  const maxKeys = options.maxKeys ?? 10_000;
  const perAddress = createKeyedRateLimit({
    count: settings.perAddressPerMinute,
    windowMs: MINUTE_MS,
    maxKeys,
    now: options.now,
  });
  const guestJoinsPerLink = createKeyedRateLimit({
    count: settings.guestJoinsPerLinkPerHour,
    windowMs: HOUR_MS,
    maxKeys,
    now: options.now,
  });
  const guestAccounts = createGuestAccountCap({ guestsPerLink: settings.guestsPerLink, maxLinks: maxKeys });

  return {
    admitRequest(request) {
      const decision = perAddress.take(clientLimitKey(clientAddress(request, options.trustProxy)));
      return decision.ok ? null : rateLimited(decision, 'too many joins from this address');
    },
    admitGuest(linkId) {
      // The cap first: a link that is full answers the same at once, without spending its hourly allowance.
      if (guestAccounts.guestsOf(linkId) >= settings.guestsPerLink) return guestLimitReached(settings.guestsPerLink);
      const decision = guestJoinsPerLink.take(linkId);
      if (!decision.ok) return { ok: false, reply: rateLimited(decision, 'too many guests joined through this link') };
      const reservation = guestAccounts.reserve(linkId);
      return reservation.ok ? reservation : guestLimitReached(settings.guestsPerLink);
    },
  };
}

function guestLimitReached(cap: number): GuestAdmission {
  const message = `this share link has made its ${cap} guest accounts; sign in to join through it, or ask the owner for a new link`;
  return { ok: false, reply: apiError(403, 'guest-limit', message) };
}

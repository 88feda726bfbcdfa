/**
 * Limits on the routes that work without an account and guard secrets: codes typed by hand
 * (email, set-up, pairing) and mails sent. Per client address, and per email address for mails, so
 * neither guessing codes nor filling someone's inbox is cheap.
 */
import { clientAddress, clientLimitKey, type RequestOrigin } from '../transport/client-address';
import { apiError, type JsonReply } from './json';
import { createKeyedRateLimit, type KeyedRateLimit } from './keyed-rate-limit';

export interface AuthLimits {
  /** Any sign-in attempt (codes, links, set-up, pairing) from this address; null when it may go on. */
  attempt(request: RequestOrigin): JsonReply | null;
  /** A mail to this address (and from this client); null when it may be sent. */
  mail(request: RequestOrigin, email: string): JsonReply | null;
}

const MINUTE_MS = 60_000;

function refused(take: ReturnType<KeyedRateLimit['take']>, what: string): JsonReply | null {
  if (take.ok) return null;
  return {
    ...apiError(429, 'rate-limited', `${what}; try again in ${take.retryAfterSeconds} s`),
    headers: { 'retry-after': String(take.retryAfterSeconds) },
  };
}

export interface AuthLimitSettings {
  attemptsPerTenMinutes: number;
  mailsPerHourPerAddress: number;
  mailsPerHourPerEmail: number;
}

export function createAuthLimits(
  settings: AuthLimitSettings,
  options: { trustProxy: boolean; now?: () => number },
): AuthLimits {
  const common = { maxKeys: 10_000, now: options.now };
  const attemptsPerAddress = createKeyedRateLimit({
    count: settings.attemptsPerTenMinutes,
    windowMs: 10 * MINUTE_MS,
    ...common,
  });
  const mailsPerAddress = createKeyedRateLimit({
    count: settings.mailsPerHourPerAddress,
    windowMs: 60 * MINUTE_MS,
    ...common,
  });
  const mailsPerEmail = createKeyedRateLimit({
    count: settings.mailsPerHourPerEmail,
    windowMs: 60 * MINUTE_MS,
    ...common,
  });
  const keyOf = (request: RequestOrigin) => clientLimitKey(clientAddress(request, options.trustProxy));
  return {
    attempt: (request) =>
      refused(attemptsPerAddress.take(keyOf(request)), 'too many sign-in attempts from this address'),
    mail: (request, email) =>
      refused(mailsPerEmail.take(email), 'too many mails to this address') ??
      refused(mailsPerAddress.take(keyOf(request)), 'too many mails asked for from this address'),
  };
}

/**
 * What one account may hold across all its connections in this process: how many are open at once,
 * and one throttle for the messages and bytes they send together — four tabs flooding one draft
 * get no more than one account's allowance.
 */
import { createThrottle, type RateLimits, type Throttle } from './rate-limit';

export interface AccountSlot {
  readonly throttle: Throttle;
  /** The connection closed: frees its place. */
  release(): void;
}

export interface AccountLimits {
  /** A place for one more connection of `userId`, or null when the account already holds the most allowed. */
  claim(userId: string): AccountSlot | null;
}

export function createAccountLimits(options: { maxConnections: number; rates: RateLimits }): AccountLimits {
  const accounts = new Map<string, { open: number; throttle: Throttle }>();
  return {
    claim(userId) {
      const account = accounts.get(userId) ?? { open: 0, throttle: createThrottle(options.rates) };
      if (account.open >= options.maxConnections) return null;
      account.open += 1;
      accounts.set(userId, account);
      let released = false;
      return {
        throttle: account.throttle,
        release() {
          if (released) return;
          released = true;
          account.open -= 1;
          // The throttle goes with the last connection: a quick reconnect starts with a full allowance.
          if (account.open === 0) accounts.delete(userId);
        },
      };
    },
  };
}

/**
 * How many guest accounts (joining without signing in) each share link has made, up to a cap.
 * Counted in this process's memory: a restart, or each process of a cluster, starts from zero
 * (SECURITY.md says so; a count stored with the link would close that gap).
 */

export interface GuestAccountCapOptions {
  guestsPerLink: number;
  /** Links remembered at most; the least recently used one is forgotten beyond this. */
  maxLinks: number;
}

export type GuestReservation = { ok: true; cancel(): void } | { ok: false };

export interface GuestAccountCap {
  /** Counts one guest for `linkId` now (so concurrent joins cannot pass the cap together); `cancel` if no account was made. */
  reserve(linkId: string): GuestReservation;
  guestsOf(linkId: string): number;
  readonly size: number;
}

export function createGuestAccountCap(options: GuestAccountCapOptions): GuestAccountCap {
  const guests = new Map<string, number>();

  function touch(linkId: string, count: number): void {
    guests.delete(linkId);
    if (count > 0) guests.set(linkId, count);
    for (const oldest of guests.keys()) {
      if (guests.size <= options.maxLinks) break;
      guests.delete(oldest);
    }
  }

  return {
    reserve(linkId) {
      const count = guests.get(linkId) ?? 0;
      if (count >= options.guestsPerLink) return { ok: false };
      touch(linkId, count + 1);
      let cancelled = false;
      return {
        ok: true,
        cancel() {
          if (cancelled) return;
          cancelled = true;
          touch(linkId, (guests.get(linkId) ?? 1) - 1);
        },
      };
    },
    guestsOf: (linkId) => guests.get(linkId) ?? 0,
    get size() {
      return guests.size;
    },
  };
}

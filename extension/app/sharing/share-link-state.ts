/** Whether a share link still lets people join: revoked wins over expired. */
import type { ShareLink } from '../../../shared/protocol/api';

export type ShareLinkState = 'active' | 'expired' | 'revoked';

export function shareLinkState(link: Pick<ShareLink, 'expiresAt' | 'revokedAt'>, now: Date): ShareLinkState {
  if (link.revokedAt !== null) return 'revoked';
  if (link.expiresAt !== null && new Date(link.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The expiry choices of the "create link" form, as the request wants them (null: never expires). */
export const linkExpiryChoices = [
  { value: 'never', days: null, label: 'editor.share.expiry.never' },
  { value: '7', days: 7, label: 'editor.share.expiry.7' },
  { value: '30', days: 30, label: 'editor.share.expiry.30' },
] as const;
export type LinkExpiryChoice = (typeof linkExpiryChoices)[number]['value'];

export function expiryChoiceOf(value: string): LinkExpiryChoice {
  return linkExpiryChoices.find((option) => option.value === value)?.value ?? 'never';
}

export function expiryDays(choice: LinkExpiryChoice): number | null {
  return linkExpiryChoices.find((option) => option.value === choice)?.days ?? null;
}

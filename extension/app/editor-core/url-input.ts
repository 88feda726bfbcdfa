/** Checks a URL typed into the link or image prompt: only http(s) (and mailto for links) pass. */
export type UrlInput = { kind: 'cancel' } | { kind: 'clear' } | { kind: 'ok'; url: string } | { kind: 'invalid' };

export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;
export const IMAGE_PROTOCOLS = ['http:', 'https:'] as const;

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

/** `raw` is what window.prompt returned: null when cancelled, '' when emptied. */
export function parseUrlInput(raw: string | null, protocols: readonly string[]): UrlInput {
  if (raw === null) return { kind: 'cancel' };
  const text = raw.trim();
  if (text === '') return { kind: 'clear' };
  // "example.org/page" is what people paste from the address bar on phones.
  const guessed = !hasScheme.test(text);
  try {
    const url = new URL(guessed ? `https://${text}` : text);
    if (!protocols.includes(url.protocol)) return { kind: 'invalid' };
    // Without a scheme, a single word ("halo") is a typo, not a host name.
    if (guessed && !url.hostname.includes('.')) return { kind: 'invalid' };
    return { kind: 'ok', url: url.href };
  } catch {
    return { kind: 'invalid' };
  }
}

/** Web addresses of sources: one normalised key per page, so clips of the same page are recognised as one source. */

/** Query parameters that only say how the reader arrived (campaign, ad click), never which page it is. */
function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || ['fbclid', 'gclid', 'mc_cid', 'mc_eid'].includes(lower);
}

function parseHttpUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

function remainingParams(url: URL): [string, string][] {
  return [...url.searchParams].filter(([name]) => !isTrackingParam(name));
}

/**
 * The key two addresses share when they name the same page: http(s) only (else null), host in
 * lower case without `www.`, no default port, credentials or fragment, no tracking parameters,
 * the other parameters sorted, no trailing slash except for the root. The scheme is kept.
 */
export function sourceKey(value: string): string | null {
  const url = parseHttpUrl(value);
  if (!url) return null;
  // URL already lower-cases the host and drops the scheme's default port.
  const host = url.host.replace(/^www\./, '');
  const path = (url.pathname.replace(/\/+$/, '') || '/')
    // %c3%a9 and %C3%A9 are the same character.
    .replace(/%[0-9a-f]{2}/gi, (percent) => percent.toUpperCase());
  // Stable sort: repeated parameters keep their order, which can matter to the page.
  const params = remainingParams(url).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${url.protocol}//${host}${path}${query ? `?${query}` : ''}`;
}

/** The address to print in a reference: as captured, without tracking parameters or credentials; null unless http(s). */
export function citationUrl(value: string): string | null {
  const url = parseHttpUrl(value);
  if (!url) return null;
  url.username = '';
  url.password = '';
  // Only touched when needed: rewriting the query would re-encode the parameters that stay.
  const tracking = [...url.searchParams.keys()].filter(isTrackingParam);
  for (const name of tracking) url.searchParams.delete(name);
  return url.href;
}

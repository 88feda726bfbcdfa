/**
 * The sign-in link printed by `npm run user` carries `?token=`. The web editor takes it once and
 * removes it from the address bar (and the history entry), so it is not bookmarked or shared.
 */
const MAX_TOKEN_LENGTH = 512;

export function takeTokenFromUrl(win: Pick<Window, 'location' | 'history'>): string | null {
  const url = new URL(win.location.href);
  if (!url.searchParams.has('token')) return null;
  const token = url.searchParams.get('token')?.trim() ?? '';
  url.searchParams.delete('token');
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token.length > 0 && token.length <= MAX_TOKEN_LENGTH ? token : null;
}

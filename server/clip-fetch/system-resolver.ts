/** The default resolver: the system's, as a browser would use it, every address (IPv4 and IPv6). */
import { lookup } from 'node:dns/promises';
import type { HostResolver } from './fetch-settings';

export const systemResolver: HostResolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

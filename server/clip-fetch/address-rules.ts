/**
 * Which IP addresses the server may fetch a shared page from: public unicast addresses only. Ranges
 * live in Node's `net.BlockList`; an IPv6 address that carries an IPv4 one (IPv4-mapped `::ffff:a.b.c.d`,
 * the NAT64 prefix `64:ff9b::/96`, 6to4 `2002::/16`) is judged by the IPv4 address inside it, so
 * `::ffff:127.0.0.1` is loopback and `2002:a9fe:a9fe::` is the cloud metadata address.
 */
import { BlockList, isIP } from 'node:net';

/** `public`: may be fetched; `loopback`: only with the test setting; `not-public`: never. */
export type AddressClass = 'public' | 'loopback' | 'not-public';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Everything that is not a public unicast address (loopback has its own list, above). */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local; 169.254.169.254 is the cloud metadata service
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified (::), and the deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments: Teredo (2001::/32, tunnels to anywhere), ORCHID…
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['fc00::', 7], // unique local (fd00::/8 among them; AWS metadata is fd00:ec2::254)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** Names that are never a public site, whatever the DNS says (the GCP metadata service answers to one). */
const PRIVATE_NAME = /(^|\.)(localhost|local|internal|home\.arpa)$/i;
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data']);

/** Refused by its name alone: the metadata services' names, `localhost`, `.local`, `.internal`, `home.arpa`. */
export function isPrivateHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return METADATA_NAMES.has(name) || PRIVATE_NAME.test(name);
}

export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) return classifyIpv4(address);
  if (family !== 6) return 'not-public';
  const bytes = ipv6Bytes(address);
  if (!bytes) return 'not-public';
  const embedded = embeddedIpv4(bytes);
  if (embedded) return classifyIpv4(embedded);
  const normal = ipv6Text(bytes);
  if (loopback.check(normal, 'ipv6')) return 'loopback';
  return notPublic.check(normal, 'ipv6') ? 'not-public' : 'public';
}

function classifyIpv4(address: string): AddressClass {
  if (loopback.check(address, 'ipv4')) return 'loopback';
  return notPublic.check(address, 'ipv4') ? 'not-public' : 'public';
}

/** The IPv4 address an IPv6 one stands for, if it is one of the translation or tunnelling forms. */
function embeddedIpv4(bytes: Uint8Array): string | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  const quad = (offset: number) => Array.from(bytes.slice(offset, offset + 4)).join('.');
  // ::ffff:a.b.c.d (IPv4-mapped)
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return quad(12);
  // 64:ff9b::a.b.c.d (NAT64, well-known prefix)
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return quad(12);
  // 2002:aabb:ccdd::/48 (6to4)
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return quad(2);
  return null;
}

/** Parses an IPv6 address (`::`, an IPv4 tail, a `%zone` ignored) into its 16 bytes; null if it is not one. */
export function ipv6Bytes(text: string): Uint8Array | null {
  let address = text.replace(/^\[|\]$/g, '');
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  if (isIP(address) !== 6) return null;
  const groups: number[] = [];
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const octets = piece.split('.').map(Number);
        if (octets.length !== 4 || octets.some((octet) => !(octet >= 0 && octet <= 255))) return null;
        out.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
      } else {
        out.push(Number.parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  if (halves.length === 2) groups.push(...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail);
  else groups.push(...head);
  if (groups.length !== 8 || groups.some((group) => !(group >= 0 && group <= 0xffff))) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function ipv6Text(bytes: Uint8Array): string {
  const groups: string[] = [];
  for (let index = 0; index < 16; index += 2)
    groups.push((((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0)).toString(16));
  return groups.join(':');
}

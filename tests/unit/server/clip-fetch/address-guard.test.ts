/**
 * The public-address guard of clips from a URL, with a stub resolver and a stub transport: nothing
 * here resolves a real name or connects anywhere. What the transport is asked to connect to is
 * recorded, so "refused" also means "never connected".
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isPrivateHostName } from '../../../../server/clip-fetch/address-rules';
import { ClipRefusedError } from '../../../../server/clip-fetch/clip-refusal';
import type { HostResolver, ResolvedAddress } from '../../../../server/clip-fetch/fetch-settings';
import { type GuardedFetchOptions, guardedFetch } from '../../../../server/clip-fetch/guarded-fetch';
import type { Transport, TransportRequest, TransportResponse } from '../../../../server/clip-fetch/http-transport';

describe('which addresses are public', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.0.0.1', 'not-public'],
    ['172.16.5.4', 'not-public'],
    ['172.31.255.255', 'not-public'],
    ['192.168.1.1', 'not-public'],
    ['100.64.0.1', 'not-public'],
    ['169.254.169.254', 'not-public'],
    ['169.254.0.1', 'not-public'],
    ['0.0.0.0', 'not-public'],
    ['255.255.255.255', 'not-public'],
    ['224.0.0.251', 'not-public'],
    ['239.1.2.3', 'not-public'],
    ['192.0.2.10', 'not-public'],
    ['::', 'not-public'],
    ['fe80::1', 'not-public'],
    ['febf::1', 'not-public'],
    ['fd00:ec2::254', 'not-public'],
    ['fc00::1', 'not-public'],
    ['ff02::1', 'not-public'],
    ['::ffff:10.0.0.1', 'not-public'],
    ['::ffff:169.254.169.254', 'not-public'],
    ['64:ff9b::a9fe:a9fe', 'not-public'],
    ['2002:a9fe:a9fe::1', 'not-public'],
    ['2002:7f00:1::', 'loopback'],
    ['2001:0:4136:e378::1', 'not-public'],
    ['2001:db8::1', 'not-public'],
    ['not an address', 'not-public'],
    ['93.184.216.34', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700::1111', 'public'],
    ['::ffff:93.184.216.34', 'public'],
    ['64:ff9b::5db8:d822', 'public'],
    ['2002:5db8:d822::1', 'public'],
  ] as const)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('metadata services and local names are refused by name', () => {
    for (const name of [
      'metadata.google.internal',
      'METADATA.GOOGLE.INTERNAL.',
      'localhost',
      'printer.local',
      'x.internal',
    ]) {
      expect(isPrivateHostName(name), name).toBe(true);
    }
    for (const name of ['guru.example', 'kemdikbud.go.id', 'internal.example.com', 'localhost.example']) {
      expect(isPrivateHostName(name), name).toBe(false);
    }
  });
});

/** A web that exists only in this test: answers by URL, and remembers where it was asked to connect. */
interface StubAnswer {
  status?: number;
  headers?: IncomingHttpHeaders;
  body?: Buffer;
}

function stubWeb(pages: Record<string, (request: TransportRequest) => StubAnswer>) {
  const connections: { url: string; address: string }[] = [];
  const transport: Transport = async (request) => {
    connections.push({ url: request.target.url.href, address: request.target.address });
    const page = pages[request.target.url.href];
    const answer: StubAnswer = page ? page(request) : { status: 404 };
    const response: TransportResponse = {
      status: answer.status ?? 200,
      headers: answer.headers ?? {},
      body: Readable.from(answer.body ? [answer.body] : []),
      discard: () => {},
    };
    return response;
  };
  return { transport, connections };
}

function dns(records: Record<string, ResolvedAddress[]>): HostResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolver = async (name: string) => {
    asked.push(name);
    const found = records[name];
    if (!found) throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return found;
  };
  return Object.assign(resolver, { asked });
}

const PUBLIC: ResolvedAddress[] = [{ address: '93.184.216.34', family: 4 }];
const page =
  (html = '<p>halo</p>') =>
  () => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: Buffer.from(html),
  });
const redirect = (location: string) => (): StubAnswer => ({ status: 302, headers: { location } });

function options(
  transport: Transport,
  resolve: HostResolver,
  overrides: Partial<GuardedFetchOptions> = {},
): GuardedFetchOptions {
  return {
    kind: 'page',
    maxBytes: 1024,
    maxRedirects: 5,
    allowLoopback: false,
    resolve,
    transport,
    signal: new AbortController().signal,
    userAgent: 'Dampingi/test',
    ...overrides,
  };
}

async function reasonOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ClipRefusedError) return error.reason;
    throw error;
  }
  throw new Error('it was not refused');
}

describe('fetching through the guard', () => {
  it('connects to the address it checked, with the URL’s name kept for Host and TLS', async () => {
    const web = stubWeb({ 'https://guru.example/artikel': page('<p>pecahan</p>') });
    const resolver = dns({ 'guru.example': PUBLIC });
    const fetched = await guardedFetch('https://guru.example/artikel', options(web.transport, resolver));
    expect(fetched.body.toString()).toBe('<p>pecahan</p>');
    expect(fetched.mediaType).toBe('text/html');
    expect(fetched.charset).toBe('utf-8');
    expect(web.connections).toEqual([{ url: 'https://guru.example/artikel', address: '93.184.216.34' }]);
  });

  it.each([
    ['loopback', [{ address: '127.0.0.1', family: 4 }]],
    ['private', [{ address: '10.0.0.7', family: 4 }]],
    ['link-local', [{ address: '169.254.10.10', family: 4 }]],
    ['cloud metadata', [{ address: '169.254.169.254', family: 4 }]],
    ['AWS metadata over IPv6', [{ address: 'fd00:ec2::254', family: 6 }]],
    ['multicast', [{ address: '224.0.0.1', family: 4 }]],
    ['IPv4-mapped loopback', [{ address: '::ffff:127.0.0.1', family: 6 }]],
    ['unspecified', [{ address: '0.0.0.0', family: 4 }]],
    ['a public and a private answer', [...PUBLIC, { address: '192.168.0.1', family: 4 }]],
  ] as const)('a name resolving to %s is refused before any connection', async (_what, addresses) => {
    const web = stubWeb({});
    const resolver = dns({ 'sekolah.example': [...addresses] });
    expect(await reasonOf(guardedFetch('http://sekolah.example/', options(web.transport, resolver)))).toBe(
      'not-public',
    );
    expect(web.connections).toEqual([]);
  });

  it.each([
    ['loopback by address', 'http://127.0.0.1:8787/api/me'],
    ['loopback in another spelling', 'http://2130706433/'],
    ['mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['metadata by address', 'http://169.254.169.254/latest/meta-data/iam/'],
    ['metadata by name', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['a private name that resolves', 'http://intranet.example/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['NAT64 of metadata', 'http://[64:ff9b::a9fe:a9fe]/'],
    ['6to4 of a private address', 'http://[2002:a00:1::]/'],
  ])('a redirect into %s is refused, and only the public hop was connected to', async (_what, target) => {
    const web = stubWeb({
      'https://guru.example/a': redirect('/b'),
      'https://guru.example/b': redirect(target),
    });
    const resolver = dns({ 'guru.example': PUBLIC, 'intranet.example': [{ address: '10.9.8.7', family: 4 }] });
    expect(await reasonOf(guardedFetch('https://guru.example/a', options(web.transport, resolver)))).toBe('not-public');
    expect(web.connections.map((connection) => connection.address)).toEqual(['93.184.216.34', '93.184.216.34']);
    expect(resolver.asked).not.toContain('metadata.google.internal');
  });

  it('each hop is resolved again: a name that answers public first and private later is refused at the redirect', async () => {
    let lookups = 0;
    const rebinding: HostResolver = async () => (lookups++ === 0 ? PUBLIC : [{ address: '127.0.0.1', family: 4 }]);
    const web = stubWeb({ 'http://ganti.example/': redirect('http://ganti.example/lagi') });
    expect(await reasonOf(guardedFetch('http://ganti.example/', options(web.transport, rebinding)))).toBe('not-public');
    expect(web.connections).toEqual([{ url: 'http://ganti.example/', address: '93.184.216.34' }]);
  });

  it('follows five redirects and refuses the sixth; refuses non-http(s) targets', async () => {
    const pages: Record<string, ReturnType<typeof redirect>> = {};
    for (let step = 0; step < 7; step += 1) pages[`https://guru.example/${step}`] = redirect(`/${step + 1}`);
    const web = stubWeb(pages);
    const resolver = dns({ 'guru.example': PUBLIC });
    expect(await reasonOf(guardedFetch('https://guru.example/0', options(web.transport, resolver)))).toBe(
      'too-many-redirects',
    );
    expect(web.connections).toHaveLength(6);

    const toFile = stubWeb({ 'https://guru.example/x': redirect('file:///etc/passwd') });
    expect(await reasonOf(guardedFetch('https://guru.example/x', options(toFile.transport, resolver)))).toBe('bad-url');
  });

  it('checks the content type before reading, and counts the body (decompressed) while it streams', async () => {
    const resolver = dns({ 'guru.example': PUBLIC });
    const web = stubWeb({
      'https://guru.example/pdf': () => ({ headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF') }),
      'https://guru.example/none': () => ({ body: Buffer.from('<p>?</p>') }),
      'https://guru.example/big': () => ({ headers: { 'content-type': 'text/html' }, body: Buffer.alloc(1025, 97) }),
      'https://guru.example/declared': () => ({ headers: { 'content-type': 'text/html', 'content-length': '999999' } }),
      // 1 KB limit; a few hundred bytes of gzip that inflate to a megabyte.
      'https://guru.example/bomb': () => ({
        headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.alloc(1024 * 1024, 97)),
      }),
      'https://guru.example/zipped': () => ({
        headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.from('<p>kecil</p>')),
      }),
      'https://guru.example/error': () => ({ status: 500, headers: { 'content-type': 'text/html' } }),
    });
    const get = (path: string) => guardedFetch(`https://guru.example/${path}`, options(web.transport, resolver));
    expect(await reasonOf(get('pdf'))).toBe('not-a-page');
    expect(await reasonOf(get('none'))).toBe('not-a-page');
    expect(await reasonOf(get('big'))).toBe('too-large');
    expect(await reasonOf(get('declared'))).toBe('too-large');
    expect(await reasonOf(get('bomb'))).toBe('too-large');
    expect((await get('zipped')).body.toString()).toBe('<p>kecil</p>');
    expect(await reasonOf(get('error'))).toBe('unreachable');
  });

  it('a picture must be image/*; a page is not a picture', async () => {
    const resolver = dns({ 'guru.example': PUBLIC });
    const web = stubWeb({
      'https://guru.example/kue.png': () => ({ headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89]) }),
      'https://guru.example/halaman': page(),
    });
    const image = (path: string) =>
      guardedFetch(`https://guru.example/${path}`, options(web.transport, resolver, { kind: 'image' }));
    expect((await image('kue.png')).mediaType).toBe('image/png');
    expect(await reasonOf(image('halaman'))).toBe('not-a-page');
  });

  it('sends a plain User-Agent naming Dampingi, and no cookie or credentials', async () => {
    let sent: Record<string, string> = {};
    const transport: Transport = async (request) => {
      sent = request.headers;
      return { status: 200, headers: { 'content-type': 'text/html' }, body: Readable.from([]), discard: () => {} };
    };
    await guardedFetch('https://guru.example/', options(transport, dns({ 'guru.example': PUBLIC })));
    expect(sent['user-agent']).toBe('Dampingi/test');
    expect(Object.keys(sent).map((name) => name.toLowerCase())).not.toEqual(expect.arrayContaining(['cookie']));
    expect(Object.keys(sent).some((name) => /cookie|authorization/i.test(name))).toBe(false);
  });

  it('a resolver or a site that does not answer in time is `timeout`', async () => {
    const deadline = new AbortController();
    const hanging: HostResolver = () => new Promise(() => {});
    const pending = reasonOf(
      guardedFetch('https://lambat.example/', options(stubWeb({}).transport, hanging, { signal: deadline.signal })),
    );
    deadline.abort();
    expect(await pending).toBe('timeout');

    const later = new AbortController();
    const silent: Transport = (request) =>
      new Promise((_, fail) => request.signal.addEventListener('abort', () => fail(new Error('aborted'))));
    const waiting = reasonOf(
      guardedFetch('https://guru.example/', options(silent, dns({ 'guru.example': PUBLIC }), { signal: later.signal })),
    );
    later.abort();
    expect(await waiting).toBe('timeout');
  });
});

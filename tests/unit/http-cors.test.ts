import { describe, expect, it } from 'vitest';
import { corsFor, isAllowedOrigin } from '../../server/http/cors';

const anyExtension = { extensionOrigins: null };
const chromeId = 'abcdefghijklmnopabcdefghijklmnop';

describe('which origins may read the API (CORS)', () => {
  it("the server's own pages, on the Host they asked for, are allowed", () => {
    expect(isAllowedOrigin(anyExtension, 'http://127.0.0.1:8787', '127.0.0.1:8787')).toBe(true);
    expect(isAllowedOrigin(anyExtension, 'https://dampingi.example', 'dampingi.example')).toBe(true);
    expect(isAllowedOrigin(anyExtension, 'http://127.0.0.1:9999', '127.0.0.1:8787')).toBe(false);
  });

  it('by default any Chrome or Firefox extension page is allowed (bearer tokens, IDs not known in advance)', () => {
    expect(isAllowedOrigin(anyExtension, `chrome-extension://${chromeId}`, 'localhost:8787')).toBe(true);
    expect(isAllowedOrigin(anyExtension, 'moz-extension://0d3c2b1a-1111-2222-3333-444455556666', 'x')).toBe(true);
  });

  it('configured extension origins: only those', () => {
    const listed = { extensionOrigins: [`chrome-extension://${chromeId}`] };
    expect(isAllowedOrigin(listed, `chrome-extension://${chromeId}`, 'localhost:8787')).toBe(true);
    expect(isAllowedOrigin(listed, 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', 'localhost:8787')).toBe(
      false,
    );
  });

  it('other sites, "null", look-alikes and a hostile Host header are refused', () => {
    for (const origin of [
      'https://evil.example',
      'null',
      'http://localhost:8787.evil.example',
      `chrome-extension://${chromeId}/page.html`,
      `chrome-extension://${chromeId}.evil.example`,
      'file://',
    ]) {
      expect(isAllowedOrigin(anyExtension, origin, 'localhost:8787'), origin).toBe(false);
    }
    expect(isAllowedOrigin(anyExtension, 'http://evil; x', 'evil; x')).toBe(false);
  });

  it('an allowed origin is echoed (never *), a refused one gets nothing, no Origin needs nothing', () => {
    const allowed = corsFor(anyExtension, `chrome-extension://${chromeId}`, 'localhost:8787');
    expect(allowed).toMatchObject({
      kind: 'allowed',
      headers: { 'access-control-allow-origin': `chrome-extension://${chromeId}` },
    });
    expect(corsFor(anyExtension, 'https://evil.example', 'localhost:8787')).toEqual({ kind: 'refused' });
    expect(corsFor(anyExtension, undefined, 'localhost:8787')).toEqual({ kind: 'no-origin' });
  });
});

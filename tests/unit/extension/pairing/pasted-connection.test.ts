import { describe, expect, it } from 'vitest';
import { parsePastedConnection } from '../../../../extension/pairing/pasted-connection';

const SECRET = 'Zq3kP9xW_2mN-8vT4bR7yL1cH6jD0fGsAeUo';

describe('the options page understands what was pasted into "Kode penghubung atau tautan masuk"', () => {
  it('a pairing code, however it was typed (lower case, with the dash, spaces around)', () => {
    expect(parsePastedConnection('  abcd-ef23 ')).toEqual({ kind: 'pairing-code', code: 'ABCDEF23' });
    expect(parsePastedConnection('ABCD EF23')).toEqual({ kind: 'pairing-code', code: 'ABCDEF23' });
  });

  it('a one-time sign-in link gives its secret and its server address', () => {
    expect(parsePastedConnection(`https://dampingi.sekolah.sch.id/editor.html?signin=${SECRET}`)).toEqual({
      kind: 'signin-link',
      serverUrl: 'https://dampingi.sekolah.sch.id',
      secret: SECRET,
    });
    expect(parsePastedConnection(`http://127.0.0.1:8787/editor.html?view=sign-in&signin=${SECRET}#x`)).toEqual({
      kind: 'signin-link',
      serverUrl: 'http://127.0.0.1:8787',
      secret: SECRET,
    });
  });

  it('an old-style link with ?token= gives the token and its server address', () => {
    expect(parsePastedConnection('http://localhost:8787/editor.html?token=abc.def-123_xyz')).toEqual({
      kind: 'token-link',
      serverUrl: 'http://localhost:8787',
      token: 'abc.def-123_xyz',
    });
  });

  it('a bare token from the administrator', () => {
    expect(parsePastedConnection(' 0123456789abcdefghijKLMNOP_-.xyz ')).toEqual({
      kind: 'token',
      token: '0123456789abcdefghijKLMNOP_-.xyz',
    });
  });

  it('an empty field only saves the address', () => {
    expect(parsePastedConnection('   ')).toEqual({ kind: 'empty' });
  });

  it('a link without a usable secret, a short secret, or a mistyped code is not understood', () => {
    expect(parsePastedConnection('https://dampingi.sekolah.sch.id/editor.html')).toEqual({
      kind: 'not-understood',
      why: 'link-without-secret',
    });
    expect(parsePastedConnection('https://dampingi.sekolah.sch.id/editor.html?signin=short')).toEqual({
      kind: 'not-understood',
      why: 'link-without-secret',
    });
    expect(parsePastedConnection('ABCD-EF2')).toEqual({ kind: 'not-understood', why: 'unknown' });
    expect(parsePastedConnection('kode saya ABCD')).toEqual({ kind: 'not-understood', why: 'unknown' });
    expect(parsePastedConnection('javascript:alert(1)')).toEqual({ kind: 'not-understood', why: 'unknown' });
  });
});

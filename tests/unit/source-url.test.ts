import { describe, expect, it } from 'vitest';
import { citationUrl, sourceKey } from '../../shared/model/source-url';

describe('one key for the same source page', () => {
  it('addresses that differ only in spelling, tracking, fragment or trailing slash share a key', () => {
    const key = 'https://example.org/artikel/pecahan?halaman=2&urut=baru';
    for (const url of [
      'https://example.org/artikel/pecahan?halaman=2&urut=baru',
      'https://WWW.Example.ORG/artikel/pecahan/?urut=baru&halaman=2',
      'https://example.org:443/artikel/pecahan?halaman=2&urut=baru#langkah',
      'https://example.org/artikel/pecahan?utm_source=wa&halaman=2&fbclid=abc&urut=baru&gclid=x',
      'https://example.org/artikel/pecahan?UTM_Campaign=x&mc_cid=1&mc_eid=2&halaman=2&urut=baru',
      '  https://user:secret@example.org/artikel/pecahan?halaman=2&urut=baru  ',
    ]) {
      expect(sourceKey(url), url).toBe(key);
    }
  });

  it('the root keeps its slash; a default http port is dropped, another port is kept', () => {
    expect(sourceKey('http://www.example.org')).toBe('http://example.org/');
    expect(sourceKey('http://example.org:80/')).toBe('http://example.org/');
    expect(sourceKey('http://example.org:8080/a/')).toBe('http://example.org:8080/a');
  });

  it('different pages, parameters or schemes stay different sources', () => {
    expect(sourceKey('https://example.org/a')).not.toBe(sourceKey('https://example.org/b'));
    expect(sourceKey('https://example.org/a?id=1')).not.toBe(sourceKey('https://example.org/a?id=2'));
    expect(sourceKey('https://blog.example.org/a')).not.toBe(sourceKey('https://example.org/a'));
    expect(sourceKey('http://example.org/a')).toBe('http://example.org/a');
  });

  it('repeated parameters keep their order; percent escapes compare without case', () => {
    expect(sourceKey('https://example.org/?b=1&a=2&a=1')).toBe('https://example.org/?a=2&a=1&b=1');
    expect(sourceKey('https://example.org/caf%c3%a9')).toBe(sourceKey('https://example.org/caf%C3%A9'));
    expect(sourceKey('https://example.org/café')).toBe('https://example.org/caf%C3%A9');
  });

  it('anything but an http(s) address has no key', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/a', 'mailto:guru@example.org', 'bukan alamat', '']) {
      expect(sourceKey(url), url).toBeNull();
    }
  });
});

describe('the address printed in a reference', () => {
  it('is the captured address without tracking parameters or credentials', () => {
    expect(citationUrl('https://www.example.org/a/?utm_source=wa&id=3#bagian')).toBe(
      'https://www.example.org/a/?id=3#bagian',
    );
    expect(citationUrl('https://example.org/a?utm_medium=x')).toBe('https://example.org/a');
    expect(citationUrl('https://u:p@example.org/a?q=kue+lapis')).toBe('https://example.org/a?q=kue+lapis');
    expect(citationUrl('javascript:alert(1)')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { cacheControlFor, resolveStaticPath } from '../../../../server/http/static-files';

describe('static web editor files', () => {
  const root = '/srv/web';

  it('maps URL paths to files inside the web directory', () => {
    expect(resolveStaticPath(root, '/editor.html')).toBe('/srv/web/editor.html');
    expect(resolveStaticPath(root, '/chunks/editor-abc.js')).toBe('/srv/web/chunks/editor-abc.js');
    expect(resolveStaticPath(root, '/assets/logo%20kecil.svg')).toBe('/srv/web/assets/logo kecil.svg');
  });

  it('never leaves the web directory', () => {
    for (const path of [
      '/../package.json',
      '/chunks/../../etc/passwd',
      '/%2e%2e/secret',
      '/chunks%2f..%2f..%2fetc/passwd',
      '/..%5c..%5cwindows',
      '/editor.html%00.js',
      '/.env',
      '/%E0%A4%A',
      '/',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });

  it('HTML and the service worker are always revalidated; hashed chunks are cached for good', () => {
    expect(cacheControlFor('/editor.html')).toBe('no-cache');
    expect(cacheControlFor('/web-sw.js')).toBe('no-cache');
    expect(cacheControlFor('/chunks/editor-DDyN2LP2.js')).toContain('immutable');
  });
});

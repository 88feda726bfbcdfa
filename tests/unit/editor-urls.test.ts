// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectEditorContext } from '../../extension/app/common/app-context';
import { draftHref, routeOf, shareLinkUrl } from '../../extension/app/common/page-route';
import { IMAGE_PROTOCOLS, LINK_PROTOCOLS, parseUrlInput } from '../../extension/app/editor-core/url-input';
import { takeOneTimeParams } from '../../extension/app/session/one-time-params';

const SECRET = 'S3cr3t_one-time-link_0123456789abcdefABCDEF';

describe('one-time sign-in links in the address', () => {
  it('?signin= is taken and removed from the address bar and the history entry, keeping the draft and hash', () => {
    window.history.replaceState(null, '', `/editor.html?signin=${SECRET}&draft=draft-0001#top`);
    const lengthBefore = window.history.length;
    expect(takeOneTimeParams(window)).toEqual({ signin: SECRET, legacyToken: null, signinError: null });
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/editor.html?draft=draft-0001#top',
    );
    expect(window.history.length).toBe(lengthBefore);
  });

  it('without any, the address stays as it is', () => {
    window.history.replaceState(null, '', '/editor.html?draft=draft-0001');
    expect(takeOneTimeParams(window)).toEqual({ signin: null, legacyToken: null, signinError: null });
    expect(window.location.search).toBe('?draft=draft-0001');
  });

  it('a malformed secret or an oversized legacy token is removed from the address but not used', () => {
    window.history.replaceState(null, '', '/editor.html?signin=short');
    expect(takeOneTimeParams(window).signin).toBeNull();
    expect(window.location.search).toBe('');
    window.history.replaceState(null, '', `/editor.html?token=${'x'.repeat(600)}`);
    expect(takeOneTimeParams(window).legacyToken).toBeNull();
    expect(window.location.search).toBe('');
  });

  it('a legacy ?token= link still signs in once (moved into the cookie), and goes from the address', () => {
    window.history.replaceState(null, '', '/editor.html?token=tok_abc123');
    expect(takeOneTimeParams(window).legacyToken).toBe('tok_abc123');
    expect(window.location.search).toBe('');
  });

  it('a school sign-in refused comes back with a known reason; anything else reads as failed', () => {
    window.history.replaceState(null, '', '/editor.html?signin-error=domain');
    expect(takeOneTimeParams(window).signinError).toBe('domain');
    window.history.replaceState(null, '', '/editor.html?signin-error=<script>');
    expect(takeOneTimeParams(window).signinError).toBe('failed');
    expect(window.location.search).toBe('');
  });
});

describe('editor page addresses', () => {
  it('no ?draft= is the home list; a valid id opens the draft; a bad id is reported', () => {
    expect(routeOf({ search: '' })).toEqual({ page: 'home' });
    expect(routeOf({ search: '?draft=abcDEF12_-' })).toEqual({ page: 'draft', draftId: 'abcDEF12_-', view: 'media' });
    expect(routeOf({ search: '?draft=abcDEF12_-&view=observe' })).toEqual({
      page: 'draft',
      draftId: 'abcDEF12_-',
      view: 'observe',
    });
    // A view this version does not know still opens the draft.
    expect(routeOf({ search: '?draft=abcDEF12_-&view=later' })).toEqual({
      page: 'draft',
      draftId: 'abcDEF12_-',
      view: 'media',
    });
    expect(routeOf({ search: '?view=overview' })).toEqual({ page: 'overview' });
    expect(routeOf({ search: '?view=sign-in' })).toEqual({ page: 'sign-in' });
    expect(routeOf({ search: '?draft=../../etc' })).toEqual({ page: 'invalid-draft' });
  });

  it('draft links are relative, so they work on the extension page and the web page', () => {
    expect(draftHref('draft-0001')).toBe('editor.html?draft=draft-0001');
  });

  it('a share link points at the server web editor with ?join=, keeping a path prefix', () => {
    const secret = 'abcdefghijklmnopqrstuvwxyz_-0123';
    expect(shareLinkUrl('http://localhost:8787', secret)).toBe(`http://localhost:8787/editor.html?join=${secret}`);
    expect(shareLinkUrl('https://sekolah.sch.id/dampingi/', secret)).toBe(
      `https://sekolah.sch.id/dampingi/editor.html?join=${secret}`,
    );
  });

  it('?join= opens the join screen, even next to ?draft=; a malformed secret is reported', () => {
    const secret = 'abcdefghijklmnopqrstuvwxyz_-0123';
    expect(routeOf({ search: `?join=${secret}` })).toEqual({ page: 'join', secret });
    expect(routeOf({ search: `?draft=draft-0001&join=${secret}` })).toEqual({ page: 'join', secret });
    expect(routeOf({ search: '?join=short' })).toEqual({ page: 'invalid-join' });
    expect(routeOf({ search: '?join=' })).toEqual({ page: 'invalid-join' });
  });

  it('the page knows whether it runs in the extension', () => {
    expect(detectEditorContext({} as typeof globalThis)).toBe('web');
    expect(detectEditorContext({ chrome: { runtime: {} } } as unknown as typeof globalThis)).toBe('web');
    expect(detectEditorContext({ chrome: { runtime: { id: 'abc' } } } as unknown as typeof globalThis)).toBe(
      'extension',
    );
  });
});

describe('URLs typed into the link and image prompts', () => {
  it('http, https and mailto links pass; an address without scheme becomes https', () => {
    expect(parseUrlInput('https://example.org/a', LINK_PROTOCOLS)).toEqual({
      kind: 'ok',
      url: 'https://example.org/a',
    });
    expect(parseUrlInput('mailto:guru@sekolah.sch.id', LINK_PROTOCOLS)).toMatchObject({ kind: 'ok' });
    expect(parseUrlInput('  example.org/page ', LINK_PROTOCOLS)).toEqual({
      kind: 'ok',
      url: 'https://example.org/page',
    });
  });

  it('javascript:, data: and plain words are refused', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,hi', 'halo', 'http://']) {
      expect(parseUrlInput(bad, LINK_PROTOCOLS), bad).toEqual({ kind: 'invalid' });
    }
    expect(parseUrlInput('mailto:a@b.c', IMAGE_PROTOCOLS)).toEqual({ kind: 'invalid' });
  });

  it('cancel and empty are told apart (empty removes the link)', () => {
    expect(parseUrlInput(null, LINK_PROTOCOLS)).toEqual({ kind: 'cancel' });
    expect(parseUrlInput('  ', LINK_PROTOCOLS)).toEqual({ kind: 'clear' });
  });
});

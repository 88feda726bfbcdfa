import { describe, expect, it } from 'vitest';
import {
  API_CONTENT_SECURITY_POLICY,
  editorContentSecurityPolicy,
  policyHost,
} from '../../server/http/security-headers';

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('Content-Security-Policy of the web editor', () => {
  it('allows only this server: its scripts, its images plus data:/blob:, its own sockets; no frames, no plugins', () => {
    const policy = directives(editorContentSecurityPolicy('dampingi.sekolah.id:8787'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'ws://dampingi.sekolah.id:8787',
      'wss://dampingi.sekolah.id:8787',
    ]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  it('never allows inline or evaluated script', () => {
    const policy = editorContentSecurityPolicy('localhost:8787');
    expect(directives(policy).get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('a Host header that could smuggle a directive is not repeated: the sockets fall back to none', () => {
    for (const hostile of ['evil.example; script-src *', 'a b', 'host,other', "x'", '', 'a'.repeat(300)]) {
      expect(policyHost(hostile)).toBeNull();
    }
    expect(directives(editorContentSecurityPolicy(policyHost('evil; script-src *'))).get('connect-src')).toEqual([
      "'self'",
    ]);
  });

  it('ordinary hosts, addresses and IPv6 literals are kept (lower-cased)', () => {
    expect(policyHost('LOCALHOST:8787')).toBe('localhost:8787');
    expect(policyHost('127.0.0.1:41234')).toBe('127.0.0.1:41234');
    expect(policyHost('[::1]:8787')).toBe('[::1]:8787');
    expect(policyHost('dampingi.example')).toBe('dampingi.example');
  });

  it('JSON answers may load nothing and be framed by nobody', () => {
    expect(directives(API_CONTENT_SECURITY_POLICY).get('default-src')).toEqual(["'none'"]);
    expect(directives(API_CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  });
});

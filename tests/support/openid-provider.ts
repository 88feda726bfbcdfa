/**
 * A real OpenID Connect provider on loopback (the `oidc-provider` package, its development login
 * and consent pages): whatever address is typed as the login is the account, with that address as
 * its verified email — as a school's Google Workspace or Microsoft 365 would vouch for it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OpenIdProvider {
  /** The issuer URL, for DAMPINGI_OIDC_ISSUER. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Registers Dampingi's `<public url>/api/auth/oidc/callback` (known once its port is); serves from then on. */
  allowRedirect(redirectUri: string): void;
  close(): Promise<void>;
}

/** Listens at once (the issuer URL is needed to configure Dampingi); serves once a redirect is allowed. */
export async function startOpenIdProvider(): Promise<OpenIdProvider> {
  const server: Server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'dampingi-test';
  const clientSecret = 'rahasia-klien-uji-0123456789abcdef';
  const serve = (redirectUri: string) => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      scopes: ['openid', 'email', 'profile'],
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
      async findAccount(_context, id) {
        const email = id.trim().toLowerCase();
        const local = email.split('@')[0] ?? email;
        return {
          accountId: email,
          claims: async () => ({
            sub: `akun-${local}`,
            email,
            email_verified: true,
            name: local.replace(/[._]/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase()),
          }),
        };
      },
    });
    provider.on('server_error', (_context, error) => console.error('oidc-provider:', error));
    server.on('request', provider.callback());
  };
  return {
    issuer,
    clientId,
    clientSecret,
    allowRedirect: serve,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

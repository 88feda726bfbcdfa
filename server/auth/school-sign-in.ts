/**
 * School accounts over OpenID Connect (openid-client): the authorization code flow with PKCE,
 * state and nonce. Works with any provider that publishes discovery metadata — Google Workspace
 * for Education (belajar.id accounts), Microsoft 365 (a tenant's v2.0 issuer), Keycloak. The
 * provider's metadata is fetched on first use and kept; a failure is retried at the next sign-in.
 */
import type * as OpenId from 'openid-client';
import type { Logger } from '../logger';
import type { OidcSettings } from './sign-in-settings';

export interface SchoolAuthStart {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** What the provider vouches for about the person. */
export interface SchoolIdentity {
  issuer: string;
  subject: string;
  /** Lower-case; null when the provider gave none. */
  email: string | null;
  /** False only when the provider says the address is not verified; Microsoft does not say (tenant addresses are). */
  emailVerified: boolean;
  name: string | null;
}

export interface SchoolSignIn {
  readonly name: string;
  start(redirectUri: string): Promise<SchoolAuthStart>;
  /** Throws when the provider refuses (a replayed or forged code, a wrong state or nonce). */
  finish(callbackUrl: URL, expected: { state: string; nonce: string; verifier: string }): Promise<SchoolIdentity>;
}

/** Plain HTTP only for a provider on this machine (tests, a local Keycloak); anywhere else it must be HTTPS. */
function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * Google and Microsoft let someone signed in with several accounts choose the school one; other
 * providers may refuse a prompt they do not know (oidc-provider does), so they are not asked.
 */
function offersAccountChooser(issuer: URL): boolean {
  return ['accounts.google.com', 'login.microsoftonline.com'].includes(issuer.hostname);
}

/** Loaded on first use: a server without school accounts never needs it (~7 MiB of RSS at start). */
let openIdClient: Promise<typeof OpenId> | null = null;
const loadOpenIdClient = () => (openIdClient ??= import('openid-client'));

export function createSchoolSignIn(settings: OidcSettings, logger: Logger): SchoolSignIn {
  let configuration: Promise<OpenId.Configuration> | null = null;
  const issuer = new URL(settings.issuer);
  function configured(): Promise<OpenId.Configuration> {
    configuration ??= loadOpenIdClient()
      .then((client) =>
        client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
          execute: issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [],
        }),
      )
      .catch((error: unknown) => {
        configuration = null;
        logger.error({ err: error, issuer: settings.issuer }, 'the OpenID provider could not be discovered');
        throw error;
      });
    return configuration;
  }

  return {
    name: settings.name,
    async start(redirectUri) {
      const client = await loadOpenIdClient();
      const config = await configured();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(offersAccountChooser(issuer) ? { prompt: 'select_account' } : {}),
      });
      return { url: url.href, state, nonce, verifier };
    },
    async finish(callbackUrl, expected) {
      const client = await loadOpenIdClient();
      const config = await configured();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the provider sent no ID token');
      // Some providers (oidc-provider, Keycloak by configuration) put the address only in userinfo.
      const claims: Record<string, unknown> =
        typeof idClaims.email === 'string' || !config.serverMetadata().userinfo_endpoint
          ? idClaims
          : { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
      const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
      const name = typeof claims.name === 'string' ? claims.name : null;
      return {
        issuer: config.serverMetadata().issuer,
        subject: idClaims.sub,
        email: email?.includes('@') ? email : null,
        emailVerified: claims.email_verified !== false,
        name,
      };
    },
  };
}

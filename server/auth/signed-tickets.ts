/**
 * Short-lived signed values that stay with the client instead of in storage: the sign-up ticket
 * (an address a code just proved, waiting for the person's name) and the school sign-in's state
 * (state, nonce and PKCE verifier, in a cookie until the provider sends the person back). Each
 * kind has its own audience, so one cannot be passed off as the other.
 */
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { GrantableRoleSchema } from '../../shared/auth/roles';

export const SignupTicketSchema = z.object({
  email: z.string(),
  draftId: z.string().nullable(),
  role: GrantableRoleSchema.nullable(),
});
export type SignupTicket = z.infer<typeof SignupTicketSchema>;

export const OidcStateSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  /** A local path of the web app to come back to (e.g. a share link being joined). */
  returnTo: z.string(),
});
export type OidcState = z.infer<typeof OidcStateSchema>;

const kinds = {
  signup: { audience: 'dampingi-signup', schema: SignupTicketSchema },
  oidc: { audience: 'dampingi-oidc-state', schema: OidcStateSchema },
} as const;

type Kind = keyof typeof kinds;
type Payload<K extends Kind> = z.infer<(typeof kinds)[K]['schema']>;

export interface SignedTickets {
  sign<K extends Kind>(kind: K, payload: Payload<K>, ttlSeconds: number): Promise<string>;
  /** Null when forged, expired, of another kind or malformed. */
  verify<K extends Kind>(kind: K, ticket: string): Promise<Payload<K> | null>;
}

export function createSignedTickets(secret: Uint8Array, now: () => number = Date.now): SignedTickets {
  return {
    async sign(kind, payload, ttlSeconds) {
      const issuedAt = Math.floor(now() / 1000);
      return new SignJWT({ data: payload })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('dampingi')
        .setAudience(kinds[kind].audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(secret);
    },
    async verify(kind, ticket) {
      if (ticket.length > 4096) return null;
      try {
        const { payload } = await jwtVerify(ticket, secret, {
          algorithms: ['HS256'],
          issuer: 'dampingi',
          audience: kinds[kind].audience,
          currentDate: new Date(now()),
        });
        const parsed = kinds[kind].schema.safeParse(payload.data);
        return parsed.success ? (parsed.data as Payload<typeof kind>) : null;
      } catch {
        return null;
      }
    },
  };
}

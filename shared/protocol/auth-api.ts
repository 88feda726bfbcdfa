/**
 * Signing in, sessions and pairing the extension: request and response bodies of `/api/auth/*`,
 * `/api/sessions*` and `/api/extension/*`. The web app's session lives in an HttpOnly cookie; the
 * extension holds a scoped bearer token. Secrets travel in POST bodies, never in addresses that stay.
 */
import { z } from 'zod';
import { PersonNameSchema } from '../auth/person-name';
import { GrantableRoleSchema } from '../auth/roles';
import { DraftIdSchema } from '../model/ids';

/** Lower-cased and trimmed; a plain `local@domain` check (the mail server has the last word). */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'address is too long')
  .regex(/^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/, 'not an email address');

/** The long secret of a one-time link (`?signin=`), base64url. */
export const SigninSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'invalid sign-in link');
/** The 6 digits of an email sign-in code (spaces a reader may have typed are dropped). */
export const EmailCodeSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'the code has 6 digits'));
/** A typed code of letters and digits (set-up, pairing): case, spaces and dashes do not matter. */
export const TypedCodeSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{8,16}$/, 'not a valid code'));

/** Who asks: the web app gets a cookie, the extension a bearer token for its own session. */
export const ClientKindSchema = z.enum(['web', 'extension']);
export type ClientKind = z.infer<typeof ClientKindSchema>;

/** The query parameter of one-time sign-in links on the editor page: `/editor.html?signin=<secret>`. */
export const SIGNIN_PARAM = 'signin';
/** The query parameter of a failed school sign-in coming back: `/editor.html?signin-error=<reason>`. */
export const SIGNIN_ERROR_PARAM = 'signin-error';
/** Why a school (OpenID Connect) sign-in came back without a session. */
export const SigninErrorSchema = z.enum(['domain', 'no-account', 'suspended', 'unverified-email', 'failed', 'expired']);
export type SigninError = z.infer<typeof SigninErrorSchema>;

/** What the sign-in page may offer on this server. */
export const AuthOptionsResponseSchema = z.object({
  /** No administrator yet: the page offers first-run set-up with the code in the server's log. */
  setupNeeded: z.boolean(),
  /** Email sign-in works (SMTP is configured). */
  email: z.boolean(),
  /** School accounts: the button's label (e.g. "Google Workspace"), or null when not configured. */
  oidc: z.object({ name: z.string() }).nullable(),
  /** Address domains that may create their own account; empty: only invited people sign in. */
  allowedDomains: z.array(z.string()),
});
export type AuthOptionsResponse = z.infer<typeof AuthOptionsResponseSchema>;

export const SetupRequestSchema = z.object({
  code: TypedCodeSchema,
  name: PersonNameSchema,
  email: EmailSchema.optional(),
  client: ClientKindSchema.default('web'),
});
export type SetupRequest = z.input<typeof SetupRequestSchema>;

export const EmailStartRequestSchema = z.object({
  email: EmailSchema,
  language: z.enum(['id', 'en']).default('id'),
});
export type EmailStartRequest = z.input<typeof EmailStartRequestSchema>;

/** Always the same answer, whether or not the address may sign in: nobody learns who has an account. */
export const EmailStartResponseSchema = z.object({ sent: z.literal(true) });

export const EmailVerifyRequestSchema = z.object({
  email: EmailSchema,
  code: EmailCodeSchema,
  client: ClientKindSchema.default('web'),
});
export type EmailVerifyRequest = z.input<typeof EmailVerifyRequestSchema>;

/** Exchanges the secret of a one-time link (email, invitation, command line) for a session. */
export const RedeemRequestSchema = z.object({
  secret: SigninSecretSchema,
  client: ClientKindSchema.default('web'),
});
export type RedeemRequest = z.input<typeof RedeemRequestSchema>;

/** A new account's name, after a code proved the address (`ticket` from a `needs-name` answer). */
export const SignupRequestSchema = z.object({
  ticket: z.string().min(20).max(2048),
  name: PersonNameSchema,
  client: ClientKindSchema.default('web'),
});
export type SignupRequest = z.input<typeof SignupRequestSchema>;

export const SignedInUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  isAdmin: z.boolean(),
});
export type SignedInUser = z.infer<typeof SignedInUserSchema>;

/** A bearer token (extension clients only; the web app's is in its cookie). */
export const BearerTokenSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime() });

export const SigninResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('signed-in'),
    user: SignedInUserSchema,
    /** An email invitation to a draft: the draft now open to this account. */
    draftId: DraftIdSchema.nullable(),
    token: BearerTokenSchema.nullable(),
  }),
  z.object({
    status: z.literal('needs-name'),
    email: z.string(),
    /** Short-lived, signed; send it back with the name (SignupRequest). */
    ticket: z.string(),
  }),
]);
export type SigninResponse = z.infer<typeof SigninResponseSchema>;

export const SessionKindSchema = z.enum(['web', 'extension', 'link']);
export const SessionInfoSchema = z.object({
  id: z.string(),
  kind: SessionKindSchema,
  label: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export const SessionListResponseSchema = z.object({ sessions: z.array(SessionInfoSchema) });

/** "Keluar": this session, or (`sessionId`, a sign-out made offline earlier) that one of the same account. */
export const SignOutRequestSchema = z.object({ sessionId: z.string().max(64).optional() });
export const SignOutResponseSchema = z.object({ signedOut: z.literal(true), ended: z.number().int().nonnegative() });

export const PairingCodeResponseSchema = z.object({
  /** Eight letters and digits, shown as XXXX-XXXX. */
  code: z.string(),
  expiresAt: z.iso.datetime(),
});
export type PairingCodeResponse = z.infer<typeof PairingCodeResponseSchema>;
export const PairRequestSchema = z.object({ code: TypedCodeSchema });
export const PairResponseSchema = z.object({ token: BearerTokenSchema, user: SignedInUserSchema });
export type PairResponse = z.infer<typeof PairResponseSchema>;

/** "Undang lewat email" in the share dialog. */
export const DraftInvitationRequestSchema = z.object({
  email: EmailSchema,
  role: GrantableRoleSchema,
  language: z.enum(['id', 'en']).default('id'),
});
export type DraftInvitationRequest = z.input<typeof DraftInvitationRequestSchema>;
export const DraftInvitationResponseSchema = z.object({ sent: z.literal(true), email: z.string() });

/** The cookie the web app's session lives in (HttpOnly: scripts never see it). */
export const SESSION_COOKIE = 'dampingi_session';
/** Readable by the page's script, which sends it back as this header on every change (CSRF). */
export const CSRF_COOKIE = 'dampingi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const authPaths = {
  options: '/api/auth/options',
  setup: '/api/auth/setup',
  emailStart: '/api/auth/email/start',
  emailVerify: '/api/auth/email/verify',
  redeem: '/api/auth/redeem',
  signup: '/api/auth/signup',
  oidcStart: '/api/auth/oidc/start',
  oidcCallback: '/api/auth/oidc/callback',
  sessions: '/api/sessions',
  session: (id: string) => `/api/sessions/${encodeURIComponent(id)}`,
  signOutEverywhere: '/api/sessions/sign-out-everywhere',
  /** A token of the web editor from before cookies, swapped for the cookie once. */
  cookieFromToken: '/api/session/cookie',
  pairingCodes: '/api/extension/pairing-codes',
  pair: '/api/extension/pair',
  invitations: (draftId: string) => `/api/drafts/${encodeURIComponent(draftId)}/invitations`,
} as const;

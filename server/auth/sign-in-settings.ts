/**
 * How people sign in on this server, from the environment: the address links in emails point to,
 * the mail server, the school accounts' OpenID provider, and which address domains may make their
 * own account. Part of server/config.ts's one schema.
 */
import { z } from 'zod';

const UrlSchema = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { error: `must be a URL like ${example}` },
    );

/** `sekolah.sch.id, belajar.id`: lower-case domains, no `@`. */
const DomainListSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
      .filter((domain) => domain !== ''),
  )
  .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: 'each must be a domain like sekolah.sch.id' })));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

export const SignInEnvShape = {
  DAMPINGI_PUBLIC_URL: optional(UrlSchema(['http:', 'https:'], 'https://dampingi.sekolah.sch.id').optional()),
  DAMPINGI_SMTP_URL: optional(UrlSchema(['smtp:', 'smtps:'], 'smtps://user:password@smtp.example.org:465').optional()),
  DAMPINGI_MAIL_FROM: optional(z.string().trim().min(3).max(200).optional()),
  DAMPINGI_ALLOWED_EMAIL_DOMAINS: optional(DomainListSchema.optional()),
  DAMPINGI_OIDC_ISSUER: optional(UrlSchema(['http:', 'https:'], 'https://accounts.google.com').optional()),
  DAMPINGI_OIDC_CLIENT_ID: optional(z.string().trim().min(1).max(500).optional()),
  DAMPINGI_OIDC_CLIENT_SECRET: optional(z.string().trim().min(1).max(500).optional()),
  DAMPINGI_OIDC_NAME: optional(z.string().trim().min(1).max(60).optional()),
};

/** Never repeated in an error message. */
export const SIGN_IN_SECRET_VARIABLES = ['DAMPINGI_SMTP_URL', 'DAMPINGI_OIDC_CLIENT_SECRET'];

type SignInVars = z.infer<z.ZodObject<typeof SignInEnvShape>>;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's label. */
  name: string;
}

export interface SignInSettings {
  /** Where people reach this server (links in emails, the OpenID redirect); null: the address it listens on. */
  publicUrl: string | null;
  /** Null: no email sign-in or invitations. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Domains whose addresses may make their own account (email or school account); empty: invited only. */
  allowedEmailDomains: readonly string[];
  oidc: OidcSettings | null;
}

/** Problems that need two variables together: [variable, message]. */
export function signInProblems(vars: SignInVars): [string, string][] {
  const problems: [string, string][] = [];
  const oidc = [vars.DAMPINGI_OIDC_ISSUER, vars.DAMPINGI_OIDC_CLIENT_ID, vars.DAMPINGI_OIDC_CLIENT_SECRET];
  if (oidc.some((value) => value !== undefined) && !oidc.every((value) => value !== undefined)) {
    problems.push([
      'DAMPINGI_OIDC_ISSUER',
      'school accounts need all three: DAMPINGI_OIDC_ISSUER, DAMPINGI_OIDC_CLIENT_ID and DAMPINGI_OIDC_CLIENT_SECRET',
    ]);
  }
  return problems;
}

export function signInSettingsFrom(vars: SignInVars): SignInSettings {
  const { DAMPINGI_OIDC_ISSUER: issuer, DAMPINGI_OIDC_CLIENT_ID: clientId, DAMPINGI_OIDC_CLIENT_SECRET: secret } = vars;
  return {
    publicUrl: vars.DAMPINGI_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    smtpUrl: vars.DAMPINGI_SMTP_URL ?? null,
    mailFrom: vars.DAMPINGI_MAIL_FROM ?? 'Dampingi <dampingi@localhost>',
    allowedEmailDomains: vars.DAMPINGI_ALLOWED_EMAIL_DOMAINS ?? [],
    oidc:
      issuer && clientId && secret
        ? { issuer, clientId, clientSecret: secret, name: vars.DAMPINGI_OIDC_NAME ?? 'Akun sekolah' }
        : null,
  };
}

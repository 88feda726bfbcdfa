/**
 * What the sign-in routes share: the settings, the server's public address, cookie and CSRF keys,
 * signed tickets, the mailer and the school accounts' provider (each null when not configured),
 * and the limits on attempts and mails.
 */

import { csrfKey } from '../auth/csrf';
import { createMailer, type Mailer } from '../auth/mailer';
import { createSchoolSignIn, type SchoolSignIn } from '../auth/school-sign-in';
import type { SignInSettings } from '../auth/sign-in-settings';
import { createSignedTickets, type SignedTickets } from '../auth/signed-tickets';
import type { CookieOptions } from '../auth/web-cookies';
import type { Logger } from '../logger';
import { type AuthLimitSettings, type AuthLimits, createAuthLimits } from './auth-limits';

export interface AuthServices {
  settings: SignInSettings;
  /** Where people reach this server (no trailing slash): the configured public URL, else where it listens. */
  publicUrl(): string;
  /** The public URL's origin when configured, for the Origin check behind a proxy; else null. */
  publicOrigin: string | null;
  cookies: CookieOptions;
  csrfKey: Buffer;
  tickets: SignedTickets;
  mailer: Mailer | null;
  school: SchoolSignIn | null;
  limits: AuthLimits;
}

export function createAuthServices(options: {
  settings: SignInSettings;
  limits: AuthLimitSettings;
  tokenSecret: Uint8Array;
  trustProxy: boolean;
  listeningUrl(): string;
  logger: Logger;
}): AuthServices {
  const { settings, logger } = options;
  const publicUrl = settings.publicUrl;
  return {
    settings,
    publicUrl: () => publicUrl ?? options.listeningUrl(),
    publicOrigin: publicUrl ? new URL(publicUrl).origin : null,
    cookies: { secure: publicUrl?.startsWith('https:') ?? false },
    csrfKey: csrfKey(options.tokenSecret),
    tickets: createSignedTickets(options.tokenSecret),
    mailer: settings.smtpUrl ? createMailer({ smtpUrl: settings.smtpUrl, from: settings.mailFrom }, logger) : null,
    school: settings.oidc ? createSchoolSignIn(settings.oidc, logger) : null,
    limits: createAuthLimits(options.limits, { trustProxy: options.trustProxy }),
  };
}

/**
 * Signing in, on top of api-transport.ts: what this server offers, first-run set-up, the emailed
 * code, one-time links, a new account's name, and signing out. The web app calls these with its
 * cookie (the answer sets it); the extension's pages ask for a token (`client: 'extension'`).
 */
import { z } from 'zod';
import { apiPaths } from '../../shared/protocol/api';
import {
  type AuthOptionsResponse,
  AuthOptionsResponseSchema,
  authPaths,
  type ClientKind,
  EmailStartResponseSchema,
  type PairingCodeResponse,
  PairingCodeResponseSchema,
  type SigninResponse,
  SigninResponseSchema,
  SignOutResponseSchema,
} from '../../shared/protocol/auth-api';
import { type ApiResult, createApiCall, post } from './api-transport';

export interface AuthClient {
  options(): Promise<ApiResult<AuthOptionsResponse>>;
  setup(request: { code: string; name: string; email?: string }): Promise<ApiResult<SigninResponse>>;
  emailStart(email: string, language: 'id' | 'en'): Promise<ApiResult<void>>;
  emailVerify(email: string, code: string): Promise<ApiResult<SigninResponse>>;
  redeem(secret: string): Promise<ApiResult<SigninResponse>>;
  signup(ticket: string, name: string): Promise<ApiResult<SigninResponse>>;
  /** Ends this session, or (`sessionId`, a sign-out made offline) that one of the same account. */
  signOut(sessionId?: string): Promise<ApiResult<number>>;
  /** A web token from before cookies becomes this browser's cookie (same session). */
  cookieFromToken(): Promise<ApiResult<void>>;
  /** "Hubungkan ekstensi": a one-time code the extension exchanges for its own token (web session only). */
  createPairingCode(): Promise<ApiResult<PairingCodeResponse>>;
}

const CookieMovedSchema = z.object({ user: z.object({ id: z.string() }) });

export function createAuthClient(
  serverUrl: string,
  token: string | null,
  client: ClientKind,
  fetchImpl: typeof fetch = fetch,
): AuthClient {
  const { call, callFor } = createApiCall(serverUrl, token, fetchImpl);
  return {
    options: () => call(authPaths.options, AuthOptionsResponseSchema),
    setup: (request) => call(authPaths.setup, SigninResponseSchema, post({ ...request, client })),
    emailStart: (email, language) =>
      callFor(authPaths.emailStart, EmailStartResponseSchema, () => undefined, post({ email, language })),
    emailVerify: (email, code) => call(authPaths.emailVerify, SigninResponseSchema, post({ email, code, client })),
    redeem: (secret) => call(authPaths.redeem, SigninResponseSchema, post({ secret, client })),
    signup: (ticket, name) => call(authPaths.signup, SigninResponseSchema, post({ ticket, name, client })),
    signOut: (sessionId) =>
      callFor(apiPaths.signOut, SignOutResponseSchema, (value) => value.ended, post(sessionId ? { sessionId } : {})),
    cookieFromToken: () => callFor(authPaths.cookieFromToken, CookieMovedSchema, () => undefined, { method: 'POST' }),
    createPairingCode: () => call(authPaths.pairingCodes, PairingCodeResponseSchema, { method: 'POST' }),
  };
}

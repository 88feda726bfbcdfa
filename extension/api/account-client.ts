/**
 * A person's own sessions, on top of api-transport.ts: where they are signed in, ending one, and
 * "Keluar dari semua perangkat". Only the web app's cookie (or a web token) may call these; an
 * extension's token is refused by the server.
 */
import {
  authPaths,
  type SessionInfo,
  SessionListResponseSchema,
  SignOutResponseSchema,
} from '../../shared/protocol/auth-api';
import { type ApiResult, createApiCall, post } from './api-transport';

export interface AccountClient {
  /** Every session of the account that has not ended, this one marked `current`. */
  sessions(): Promise<ApiResult<SessionInfo[]>>;
  /** Ends one session (another device, the extension); its open connections close. */
  endSession(sessionId: string): Promise<ApiResult<number>>;
  /** Ends every session and token of the account, this one too; answers how many ended. */
  signOutEverywhere(): Promise<ApiResult<number>>;
}

export function createAccountClient(
  serverUrl: string,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): AccountClient {
  const { callFor } = createApiCall(serverUrl, token, fetchImpl);
  return {
    sessions: () => callFor(authPaths.sessions, SessionListResponseSchema, (value) => value.sessions),
    endSession: (sessionId) =>
      callFor(authPaths.session(sessionId), SignOutResponseSchema, (value) => value.ended, { method: 'DELETE' }),
    signOutEverywhere: () =>
      callFor(authPaths.signOutEverywhere, SignOutResponseSchema, (value) => value.ended, post({})),
  };
}

/**
 * The user commands behind `npm run user`, as functions — for automation and recovery; people
 * are invited from the admin page. A new user gets a one-time sign-in link (it works once, for a
 * week, and then the browser keeps its session in a cookie); `token` prints a bearer token for scripts.
 */

import { EmailSchema, SIGNIN_PARAM } from '../../shared/protocol/auth-api';
import { issueCode } from '../auth/one-time-codes';
import { createSessionTokens, type IssuedToken, type SessionTokens } from '../auth/session-tokens';
import { startSession } from '../auth/sessions';
import { loadTokenSecret } from '../auth/token-secret';
import { createUserAccount } from '../auth/user-accounts';
import type { SqliteSynchronous } from '../config';
import { EDITOR_PAGE } from '../http/static-files';
import { newWorkspaceId } from '../ids';
import { openConfiguredStorage } from '../storage/open-storage';
import type { Storage, UserRecord, WorkspaceRecord } from '../storage/storage';

export interface UserCommandOptions {
  dataDir: string;
  sqliteSynchronous?: SqliteSynchronous;
  /** The server's DAMPINGI_DATABASE_URL: users then live in PostgreSQL, like everything else. */
  databaseUrl?: string | null;
  /** The server's DAMPINGI_TOKEN_SECRET, if it has one; else the key in the data directory. */
  tokenSecret?: string | null;
  tokenTtlSeconds?: number;
}

export interface CreatedUser {
  id: string;
  name: string;
  /** A signed token (for scripts and tests); shown once, never stored. */
  token: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface SignInLink {
  id: string;
  name: string;
  /** The one-time secret of `?signin=`; only its hash is stored. */
  secret: string;
  /** ISO 8601. */
  expiresAt: string;
}

/** A one-time link works for this long (the person may open their mail a few days later). */
const LINK_TTL_MS = 7 * 86_400_000;

export type AddUserResult = { ok: true; user: CreatedUser; link: SignInLink } | { ok: false; message: string };
export type LinkResult = { ok: true; link: SignInLink } | { ok: false; message: string };
export type AddWorkspaceResult = { ok: true; workspace: WorkspaceRecord } | { ok: false; message: string };
export type TokenResult = { ok: true; user: CreatedUser } | { ok: false; message: string };

const DEFAULT_TTL_SECONDS = 30 * 86_400;

async function withStorage<T>(
  options: UserCommandOptions,
  work: (storage: Storage, tokens: SessionTokens) => Promise<T>,
): Promise<T> {
  // Safe while the server runs: SQLite in WAL mode lets this second connection write; PostgreSQL is shared.
  const storage = await openConfiguredStorage({
    dataDir: options.dataDir,
    sqliteSynchronous: options.sqliteSynchronous ?? 'FULL',
    databaseUrl: options.databaseUrl ?? null,
  });
  const tokens = createSessionTokens({
    secret: loadTokenSecret({ dataDir: options.dataDir, secret: options.tokenSecret ?? null }),
    ttlSeconds: options.tokenTtlSeconds ?? DEFAULT_TTL_SECONDS,
  });
  try {
    return await work(storage, tokens);
  } finally {
    await storage.close();
  }
}

function signedIn(user: UserRecord, session: IssuedToken): CreatedUser {
  return { id: user.id, name: user.name, token: session.token, expiresAt: new Date(session.expiresAt).toISOString() };
}

export interface AddUserOptions {
  email?: string | null;
  isAdmin?: boolean;
}

async function newLink(storage: Storage, user: UserRecord): Promise<SignInLink> {
  const issued = await issueCode(
    storage.signinCodes,
    { purpose: 'link', ttlMs: LINK_TTL_MS, userId: user.id },
    Date.now(),
  );
  return { id: user.id, name: user.name, secret: issued.secret, expiresAt: issued.record.expiresAt };
}

export async function addUser(
  options: UserCommandOptions,
  name: string,
  account: AddUserOptions = {},
): Promise<AddUserResult> {
  return withStorage(options, async (storage, tokens) => {
    const email = account.email ? EmailSchema.safeParse(account.email) : null;
    if (email && !email.success) return { ok: false, message: 'not an email address' };
    if (email?.success && (await storage.users.getUserByEmail(email.data))) {
      return { ok: false, message: 'this address already has an account' };
    }
    const created = await createUserAccount({ users: storage.users, sessions: storage.sessions, tokens }, name, {
      guest: false,
      sessionKind: 'link',
      sessionLabel: 'npm run user',
      email: email?.success ? email.data : null,
      isAdmin: account.isAdmin ?? false,
    });
    if (!created.ok) return { ok: false, message: created.message };
    return { ok: true, user: signedIn(created.user, created.session), link: await newLink(storage, created.user) };
  });
}

/** A new one-time sign-in link for an existing user (a new device, a lost session). */
export async function issueLink(options: UserCommandOptions, userId: string): Promise<LinkResult> {
  return withStorage(options, async (storage) => {
    const user = await storage.users.getUser(userId);
    if (!user) return { ok: false, message: `no user with id ${userId}` };
    return { ok: true, link: await newLink(storage, user) };
  });
}

/** Makes the user an administrator (recovery: the admin page needs one to exist). */
export async function makeAdmin(options: UserCommandOptions, userId: string): Promise<boolean> {
  return withStorage(options, async (storage) => {
    const user = await storage.users.getUser(userId);
    if (!user || user.guest) return false;
    return storage.users.setAdmin(userId, true);
  });
}

/** A new token for an existing user, e.g. when theirs expired or a new device needs one. */
export async function issueToken(options: UserCommandOptions, userId: string): Promise<TokenResult> {
  return withStorage(options, async (storage, tokens) => {
    const user = await storage.users.getUser(userId);
    if (!user) return { ok: false, message: `no user with id ${userId}` };
    const session = await startSession({ sessions: storage.sessions, tokens }, user.id, 'link', 'npm run user');
    return { ok: true, user: signedIn(user, session) };
  });
}

/**
 * Every token and session the user holds stops working at once (a lost laptop); a running server
 * closes their open connections at its next session check. Issue a new token afterwards.
 */
export async function revokeTokens(options: UserCommandOptions, userId: string): Promise<boolean> {
  return withStorage(options, async (storage) => {
    if (!(await storage.users.revokeTokens(userId))) return false;
    await storage.sessions.revokeUserSessions(userId);
    return true;
  });
}

export async function createWorkspace(options: UserCommandOptions, name: string): Promise<AddWorkspaceResult> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) return { ok: false, message: 'a name of 1 to 100 characters' };
  return withStorage(options, async (storage) => ({
    ok: true,
    workspace: await storage.workspaces.createWorkspace({ id: newWorkspaceId(), name: trimmed }),
  }));
}

export async function addToWorkspace(
  options: UserCommandOptions,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  return withStorage(options, (storage) => storage.workspaces.addMember(workspaceId, userId));
}

export async function listWorkspaces(options: UserCommandOptions): Promise<WorkspaceRecord[]> {
  return withStorage(options, (storage) => storage.workspaces.listWorkspaces());
}

export async function listUsers(options: UserCommandOptions): Promise<UserRecord[]> {
  return withStorage(options, (storage) => storage.users.listUsers());
}

/** The one-time link that signs a user in to the web editor (the page exchanges it and removes it from the address). */
export function signInLink(baseUrl: string, secret: string): string {
  return `${baseUrl}${EDITOR_PAGE}?${SIGNIN_PARAM}=${encodeURIComponent(secret)}`;
}

/**
 * The one storage interface of the server. Every method is async so a PostgreSQL (+ Redis)
 * implementation fits behind it; "not found" is `null`, never an exception. Share link secrets
 * only ever arrive here as SHA-256 hashes.
 */
import type { GrantableRole, Role } from '../../shared/auth/roles';
import type { MediaKind } from '../../shared/model/media-kinds';
import type { Stage } from '../../shared/model/stages';
import type { VersionKind } from '../../shared/versions/version-schema';

/** One Yjs update in a document's log; `seq` grows with every append. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** A document as stored: an optional compacted snapshot plus the updates appended after it, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: StoredUpdate[];
}

/** What a process that missed some updates of a document reads to catch up (see `loadUpdatesAfter`). */
export interface UpdatesAfter {
  /** Non-null only when some updates after the asked seq were already folded into it: apply it too. */
  snapshot: Uint8Array | null;
  /** The updates still in the log after the asked seq, in order. */
  updates: StoredUpdate[];
  /**
   * The seq the document's log has reached, also when compaction emptied the log (PostgreSQL keeps
   * it per document). SQLite, one process with seqs shared by all documents: the last seq still in the log.
   */
  lastSeq: number;
}

/** Yjs documents, keyed by room name (one room per document). */
export interface DocumentStore {
  loadDocument(name: string): Promise<StoredDocument | null>;
  /**
   * Cluster catch-up: every update stored after `afterSeq` (0: all), or null for an unknown document.
   * Applying `snapshot` (when set) and `updates` to a document that has every update up to
   * `afterSeq` gives the document as stored.
   */
  loadUpdatesAfter(name: string, afterSeq: number): Promise<UpdatesAfter | null>;
  /**
   * One update of the log by its seq, or null when it is not there (compacted into the snapshot):
   * a large update stored in slices is read back one slice at a time to be applied.
   */
  loadUpdate(name: string, seq: number): Promise<Uint8Array | null>;
  /** Durably appends one update and returns its sequence number. */
  appendUpdate(name: string, update: Uint8Array): Promise<number>;
  /** Compaction: stores `snapshot` and drops every update with `seq <= uptoSeq` (they are inside it). */
  replaceWithSnapshot(name: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
}

export interface DraftRecord {
  id: string;
  title: string;
  /** The workspace the draft was created in, or null for a personal draft. */
  workspaceId: string | null;
  ownerId: string;
  ownerName: string;
  /** ISO 8601. */
  createdAt: string;
  /**
   * ISO 8601; the last activity: the later of the draft's own change and the last stored update of
   * its content or its feedback document.
   */
  updatedAt: string;
  /** What kind of lesson media it is, from the template it was created from. */
  mediaKind: MediaKind;
}

export interface NewDraft {
  id: string;
  title: string;
  ownerId: string;
  /** Omitted or null: a personal draft. */
  workspaceId?: string | null;
  /** Omitted: 'blank'. */
  mediaKind?: MediaKind;
  /** The summary JSON to start with (see `putSummary`), stored as of sequence number 0; omitted: none. */
  summaryJson?: string | null;
}

/** A draft as one member sees it. */
export interface MemberDraftRecord extends DraftRecord {
  role: Role;
}

/** A draft in a member's list: with its stored summary, never with its documents. */
export interface ListedDraftRecord extends MemberDraftRecord {
  /**
   * The JSON of shared/model/draft-summary.ts's DraftSummary as last stored; null when none was
   * stored yet (drafts from before summaries). The store does not parse it: the server does.
   */
  summaryJson: string | null;
}

/** Drafts. Room is left for versions (a later issue). */
export interface DraftStore {
  /** Creates the draft with its creator as its owner, in one transaction. */
  createDraft(draft: NewDraft): Promise<MemberDraftRecord>;
  getDraft(id: string): Promise<DraftRecord | null>;
  /** The draft if `userId` is one of its members, with their role. */
  getDraftForMember(id: string, userId: string): Promise<MemberDraftRecord | null>;
  /** The drafts `userId` is a member of, most recently active first; one query, no document is read. */
  listDraftsForMember(userId: string): Promise<ListedDraftRecord[]>;
  /**
   * Stores the draft's summary as computed from its feedback document at update `seq` (the
   * sequence number `appendUpdate` returned). Writes that arrive out of order, from another request
   * or another server process, cannot put an older summary over a newer one: a summary is replaced
   * only by one of the same or a later `seq`. False when nothing was written (unknown draft or older).
   */
  putSummary(draftId: string, summaryJson: string, seq: number): Promise<boolean>;
  /** Every draft with the bytes it takes, largest first (the admin page). */
  storageUse(): Promise<DraftStorageUse[]>;
}

export interface MemberRecord {
  draftId: string;
  userId: string;
  name: string;
  /** Joined by a share link with only a name. */
  guest: boolean;
  role: Role;
  /** The share link that granted this access, or null when the owner granted it by hand. */
  viaLinkId: string | null;
  /** ISO 8601. */
  addedAt: string;
}

/** Who may open a draft, and as what. The owner row is written by `createDraft`. */
export interface MemberStore {
  getRole(draftId: string, userId: string): Promise<Role | null>;
  listMembers(draftId: string): Promise<MemberRecord[]>;
  /** Adds or replaces a non-owner membership. */
  putMember(member: {
    draftId: string;
    userId: string;
    role: GrantableRole;
    viaLinkId: string | null;
  }): Promise<MemberRecord>;
  /** False when there was no such member; the owner cannot be removed. */
  removeMember(draftId: string, userId: string): Promise<boolean>;
}

export interface ShareLinkRecord {
  id: string;
  draftId: string;
  role: GrantableRole;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Members whose access came from this link. */
  members: number;
}

export interface NewShareLink {
  id: string;
  draftId: string;
  role: GrantableRole;
  /** Hex SHA-256 of the secret in the link's URL; the secret itself is never stored. */
  secretHash: string;
  createdBy: string;
  expiresAt: string | null;
}

export interface ShareLinkStore {
  createLink(link: NewShareLink): Promise<ShareLinkRecord>;
  findLinkBySecretHash(secretHash: string): Promise<ShareLinkRecord | null>;
  listLinks(draftId: string): Promise<ShareLinkRecord[]>;
  /**
   * Marks the link revoked and removes every membership it granted, in one transaction; returns
   * the link and who lost access (so their open connections can be closed), or null if unknown.
   */
  revokeLink(draftId: string, linkId: string): Promise<{ link: ShareLinkRecord; removedUserIds: string[] } | null>;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
}

/** Workspaces: a school's teacher community, say. Membership is managed from the CLI for now. */
export interface WorkspaceStore {
  createWorkspace(workspace: { id: string; name: string }): Promise<WorkspaceRecord>;
  getWorkspace(id: string): Promise<WorkspaceRecord | null>;
  /** False when the user or the workspace does not exist; adding someone twice is fine. */
  addMember(workspaceId: string, userId: string): Promise<boolean>;
  isMember(workspaceId: string, userId: string): Promise<boolean>;
  /** False when they were not a member. */
  removeMember(workspaceId: string, userId: string): Promise<boolean>;
  /** Every workspace's members (id and name), by name; one query for the admin page. */
  listMemberships(): Promise<{ workspaceId: string; userId: string; name: string }[]>;
  listForUser(userId: string): Promise<WorkspaceRecord[]>;
  listWorkspaces(): Promise<WorkspaceRecord[]>;
}

/** A template saved in a workspace from a draft (built-in ones are data in shared/templates). */
export interface WorkspaceTemplateInfo {
  /** `ws-<random>` (shared/templates/template-schema.ts). */
  id: string;
  workspaceId: string;
  name: string;
  mediaKind: MediaKind;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface WorkspaceTemplateRecord extends WorkspaceTemplateInfo {
  /** ProseMirror JSON documents, as text, per language. */
  content: { id: string; en: string };
}

/** Workspaces' own templates. Listing never returns their content; reading one does. */
export interface TemplateStore {
  createTemplate(template: Omit<WorkspaceTemplateRecord, 'createdAt'>): Promise<WorkspaceTemplateInfo>;
  getTemplate(id: string): Promise<WorkspaceTemplateRecord | null>;
  /** The templates of these workspaces, newest first. */
  listForWorkspaces(workspaceIds: readonly string[]): Promise<WorkspaceTemplateInfo[]>;
}

export interface UserRecord {
  id: string;
  name: string;
  /** Joined through a share link with only a name, not signed in: shown as a guest wherever names are listed. */
  guest: boolean;
  /** Lower-case; null for a guest or an account made from the command line without one. */
  email: string | null;
  /** May open the admin page: invite, suspend, manage workspaces. The first account is one. */
  isAdmin: boolean;
  /** ISO 8601 when an administrator suspended the account (it cannot sign in or stay connected), else null. */
  suspendedAt: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; tokens issued before this are refused (revoking a user's tokens moves it forward). */
  tokensValidFrom: string;
}

export interface NewUser {
  id: string;
  name: string;
  /** Default false. */
  guest?: boolean;
  /** Lower-case; unique among accounts. */
  email?: string | null;
  /** Default false. */
  isAdmin?: boolean;
}

export interface UserStore {
  createUser(user: NewUser): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;
  /**
   * Gives an account its (verified) address: a guest becomes a full account, keeping its id — and
   * so everything written under it. False when another account already has the address.
   */
  setEmail(id: string, email: string): Promise<boolean>;
  setAdmin(id: string, isAdmin: boolean): Promise<boolean>;
  /** `at` null lifts a suspension. */
  setSuspended(id: string, at: string | null): Promise<boolean>;
  /** Refuses every token of this user issued before now; false if there is no such user. */
  revokeTokens(id: string): Promise<boolean>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
}

/** What a session was started for: the web editor, the extension, or a sign-in link from the command line. */
export type SessionKind = 'web' | 'extension' | 'link';

/** One signed-in device or app; every token names its session, so one can be ended without the others. */
export interface SessionRecord {
  /** Random, base64url; the `sid` of its tokens. */
  id: string;
  userId: string;
  kind: SessionKind;
  /** What the person sees in their list of sessions (e.g. the browser), or null. */
  label: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; refreshing the token moves it. */
  expiresAt: string;
  /** ISO 8601, or null while the session lasts. */
  revokedAt: string | null;
}

export interface SessionStore {
  createSession(session: Omit<SessionRecord, 'createdAt' | 'revokedAt'>): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | null>;
  /** Moves the expiry of a session that is not revoked; false when it is revoked or unknown. */
  extendSession(id: string, expiresAt: string): Promise<boolean>;
  /** Ends one session; the ended record, or null when it was unknown or already ended. */
  revokeSession(id: string): Promise<SessionRecord | null>;
  /** Ends every session of the user; the ids ended. */
  revokeUserSessions(userId: string): Promise<string[]>;
  /** The user's sessions not revoked and not expired at `now` (ISO 8601), newest first. */
  listUserSessions(userId: string, now: string): Promise<SessionRecord[]>;
}

/** What a one-time code signs in to or grants. */
export type CodePurpose = 'email-signin' | 'invite' | 'draft-invite' | 'setup' | 'pairing' | 'link';

/**
 * A one-time code: a long secret for a link and, for codes typed by hand, a short one (6 digits, or
 * a pairing code). Only their SHA-256 hashes are stored; a code works once, until it expires.
 */
export interface SigninCodeRecord {
  id: string;
  purpose: CodePurpose;
  /** The address it was sent to (email sign-in and invitations). */
  email: string | null;
  /** The account it signs in (command-line links, pairing), if already known. */
  userId: string | null;
  /** A draft invitation: the draft and the role it grants. */
  draftId: string | null;
  role: GrantableRole | null;
  /** Who made it (an invitation, a pairing code), for the audit. */
  createdBy: string | null;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** Wrong short codes typed against it; it stops working at the limit. */
  failedAttempts: number;
}

export interface NewSigninCode extends Omit<SigninCodeRecord, 'createdAt' | 'usedAt' | 'failedAttempts'> {
  secretHash: string;
  /** Hash of the short code, when there is one. */
  shortHash: string | null;
}

export interface SigninCodeStore {
  createCode(code: NewSigninCode): Promise<SigninCodeRecord>;
  /** Marks the code with this secret used, if it is unused and not expired at `now`; the code, or null. */
  consumeBySecret(secretHash: string, now: string): Promise<SigninCodeRecord | null>;
  /**
   * Same by short code, among the unused, unexpired codes of `purpose` for `email` (or, pairing,
   * without one); a wrong code counts a failed attempt on each of them.
   */
  consumeByShortCode(
    purpose: CodePurpose,
    email: string | null,
    shortHash: string,
    now: string,
    maxFailedAttempts: number,
  ): Promise<SigninCodeRecord | null>;
}

/** A school account (OpenID Connect) that signs in as a user. */
export interface IdentityStore {
  findUserId(issuer: string, subject: string): Promise<string | null>;
  link(issuer: string, subject: string, userId: string): Promise<void>;
}

/** Which mentor accompanies which teacher (set on the admin page). */
export interface MentorAssignment {
  mentorId: string;
  teacherId: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface AssignmentStore {
  listAssignments(): Promise<MentorAssignment[]>;
  /** Adding one twice is fine. */
  addAssignment(mentorId: string, teacherId: string): Promise<MentorAssignment>;
  removeAssignment(mentorId: string, teacherId: string): Promise<boolean>;
}

/** What one draft takes in storage: its two documents' logs and snapshots, and its versions. */
export interface DraftStorageUse {
  draftId: string;
  title: string;
  ownerName: string;
  bytes: number;
}

/** A saved version of a draft's content (its state is read apart: see `getVersionState`). */
export interface VersionRecord {
  id: string;
  draftId: string;
  /** Null for an automatic version. */
  name: string | null;
  kind: VersionKind;
  fromStage: Stage | null;
  toStage: Stage | null;
  restoredFrom: string | null;
  createdBy: string;
  createdByName: string;
  /** ISO 8601. */
  createdAt: string;
  /** The uncompressed Yjs state's size. */
  byteSize: number;
  /** What this version's own state takes in storage (0 when it only refers to another's). */
  storedBytes: number;
  /** Hex SHA-256 of the uncompressed state: equal content, equal hash (the same document, unchanged). */
  contentHash: string;
  /** The earlier version of the same draft whose identical state this one refers to, or null. */
  sameAs: string | null;
  feedbackOpen: number;
  feedbackResolved: number;
}

export interface NewVersion extends Omit<VersionRecord, 'createdAt' | 'storedBytes' | 'sameAs'> {
  /** The compressed state; not stored when a version of the draft with the same `contentHash` holds it. */
  state: Uint8Array;
  /** For a `stage` version: the stage move it belongs to; a second version for the same move is not stored. */
  stageMoveId?: string | null;
}

/** Versions of drafts' content. Each draft's list is short (tens); states are read one at a time. */
export interface VersionStore {
  /**
   * Stores the version; when a version of the same draft already holds a state with the same
   * `contentHash`, stores a reference to it instead (`sameAs`). Null when a version for
   * `stageMoveId` exists already (another request or process saved it). Throws for an unknown draft.
   */
  createVersion(version: NewVersion): Promise<VersionRecord | null>;
  /** The draft's versions, newest first. */
  listVersions(draftId: string): Promise<VersionRecord[]>;
  getVersion(draftId: string, versionId: string): Promise<VersionRecord | null>;
  /** The compressed state of the version (following `sameAs`), or null when there is no such version. */
  getVersionState(draftId: string, versionId: string): Promise<Uint8Array | null>;
}

/** A clip waiting in an account's inbox ("Kotak klip") to be placed in a draft later. */
export interface InboxClipRecord {
  clipId: string;
  /**
   * shared/protocol/clip-inbox-api.ts's InboxClip as JSON, as the API checked it; the store does
   * not parse it (as with summaries and templates).
   */
  clipJson: string;
  /** ISO 8601: when it first arrived (a repeated PUT does not move it). */
  receivedAt: string;
}

/** An account's inbox holds at most this much; a new clip past either is refused (`full`). */
export interface InboxLimits {
  maxItems: number;
  /** The clips' JSON together, in bytes (UTF-8). */
  maxBytes: number;
}

export type PutInboxResult =
  /** `stored`: new; `exists`: the same clip (same id, same JSON) was there already — kept once. */
  | { status: 'stored' | 'exists'; item: InboxClipRecord }
  /** Another clip is stored under this id for this account. */
  | { status: 'conflict' }
  | { status: 'full' };

/**
 * Each account's clip inbox. Keyed by (account, clipId): a clip sent twice (an offline phone
 * retrying) is kept once; no account ever reads or removes another's.
 */
export interface InboxStore {
  /** Idempotent by (userId, clipId); the count and size checks and the insert are one transaction. */
  putInboxClip(
    userId: string,
    clip: { clipId: string; clipJson: string },
    limits: InboxLimits,
  ): Promise<PutInboxResult>;
  /** The account's clips, the most recently received first. */
  listInbox(userId: string): Promise<InboxClipRecord[]>;
  /** False when the account had no such clip (already removed, or never there). */
  deleteInboxClip(userId: string, clipId: string): Promise<boolean>;
}

export type StorageKind = 'sqlite' | 'postgres';

export interface Storage {
  readonly kind: StorageKind;
  readonly documents: DocumentStore;
  readonly drafts: DraftStore;
  readonly members: MemberStore;
  readonly shareLinks: ShareLinkStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly signinCodes: SigninCodeStore;
  readonly identities: IdentityStore;
  readonly assignments: AssignmentStore;
  readonly workspaces: WorkspaceStore;
  readonly templates: TemplateStore;
  readonly versions: VersionStore;
  readonly inbox: InboxStore;
  /** Flushes and releases the database; the storage is unusable afterwards. */
  close(): Promise<void>;
}

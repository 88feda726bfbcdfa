/**
 * The account's clip inbox ("Kotak klip"): clips taken on a phone or by the extension, waiting to
 * be placed in a draft. `PUT` is idempotent by clipId (an offline phone that sends again is kept
 * once); each account sees and removes only its own. The extension's token may use it; guests have none.
 */
import {
  INBOX_LIMITS,
  type InboxClip,
  InboxClipSchema,
  type InboxItem,
  type InboxListResponse,
  InboxPutResponseSchema,
} from '../../shared/protocol/clip-inbox-api';
import type { InboxClipRecord, InboxLimits, PutInboxResult, UserRecord } from '../storage/storage';
import { apiError, type JsonReply, readJsonBody } from './json';
import { type AuthedRoute, requireUser } from './route-kit';

/** Guests (a name typed on a share link) are not signed in: their inbox would be lost when they are folded into an account. */
function forAccounts(route: AuthedRoute): ReturnType<typeof requireUser> {
  return requireUser((request, context, user: UserRecord, params, caller) =>
    user.guest
      ? Promise.resolve(apiError(403, 'forbidden', 'a guest has no clip inbox; sign in with an account'))
      : route(request, context, user, params, caller),
  );
}

/** Stored clips were checked on the way in; read back, not checked again (a full inbox is tens of megabytes). */
function itemOf(record: InboxClipRecord): InboxItem {
  return { ...(JSON.parse(record.clipJson) as InboxClip), receivedAt: record.receivedAt };
}

export const listInbox = forAccounts(async (_request, context, user) => {
  const records = await context.storage.inbox.listInbox(user.id);
  const body: InboxListResponse = { items: records.map(itemOf) };
  return { status: 200, body };
});

export const putInboxClip = forAccounts(async (request, context, user, [clipId]) => {
  const json = await readJsonBody(request, INBOX_LIMITS.maxClipBytes);
  if (!json.ok) return json.reply;
  const parsed = InboxClipSchema.safeParse(json.value);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return apiError(400, 'bad-request', message.join('; ').slice(0, 2000));
  }
  const clip = parsed.data;
  if (clip.clipId !== clipId)
    return apiError(400, 'bad-request', 'the clipId in the body differs from the one in the path');
  const { inboxClipProblem } = await import('./inbox-clip-check');
  const problem = inboxClipProblem(clip);
  if (problem) return apiError(400, 'bad-request', problem);
  const result = await context.storage.inbox.putInboxClip(
    user.id,
    { clipId: clip.clipId, clipJson: JSON.stringify(clip) },
    context.inboxLimits,
  );
  return putReply(result, context.inboxLimits);
});

function putReply(result: PutInboxResult, limits: InboxLimits): JsonReply {
  switch (result.status) {
    case 'stored':
    case 'exists': {
      const body = InboxPutResponseSchema.parse({ clipId: result.item.clipId, receivedAt: result.item.receivedAt });
      return { status: result.status === 'stored' ? 201 : 200, body };
    }
    case 'conflict':
      return apiError(409, 'conflict', 'another clip is already in the inbox under this clipId');
    case 'full':
      return apiError(
        409,
        'conflict',
        `the clip inbox is full (at most ${limits.maxItems} clips, ${Math.round(limits.maxBytes / 1024 / 1024)} MB); place or remove some first`,
      );
  }
}

/** 204 whether or not it was there: removing twice (a retry) is not an error. */
export const deleteInboxClip = forAccounts(async (_request, context, user, [clipId]) => {
  await context.storage.inbox.deleteInboxClip(user.id, clipId ?? '');
  return { status: 204, body: null };
});

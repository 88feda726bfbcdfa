/**
 * `POST /api/clips/from-url`: the server fetches a page a person shared (from a phone, where the
 * extension cannot run) and answers the clip the extension would have made of it. Signed-in
 * accounts only (the web app's session, the extension's token), never guests; a rate per account.
 * A page that may not or cannot be clipped answers 422 with one reason the app words for a person.
 */
import { URL } from 'node:url';
import {
  type ClipFetchRefusal,
  type ClipFromUrlRefused,
  ClipFromUrlRequestSchema,
} from '../../shared/protocol/clip-inbox-api';
import { ClipRefusedError } from '../clip-fetch/clip-refusal';
import { apiError, type JsonReply, readJsonBody } from './json';
import { requireUser } from './route-kit';

function refused(reason: ClipFetchRefusal, message: string): JsonReply {
  const body: ClipFromUrlRefused = { error: { code: 'clip-refused', reason, message } };
  return { status: 422, body };
}

export const clipFromUrl = requireUser(async (request, context, user) => {
  if (user.guest) return apiError(403, 'forbidden', 'a guest cannot clip from a link; sign in with an account');
  const json = await readJsonBody(request, context.maxJsonBodyBytes);
  if (!json.ok) return json.reply;
  const parsed = ClipFromUrlRequestSchema.safeParse(json.value);
  if (!parsed.success) {
    // A text that is not a web address is a refusal the app words ("bad-url"), not a broken request.
    if (parsed.error.issues.every((issue) => issue.path[0] === 'url')) return refused('bad-url', 'not an http(s) URL');
    const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return apiError(400, 'bad-request', message.join('; '));
  }
  const admission = context.clipFetch.admit(user.id);
  if (!admission.ok) {
    const message =
      admission.why === 'busy'
        ? 'the server is clipping other pages right now'
        : `at most ${context.clipFetch.settings.perAccountPerMinute} clips from a link per minute`;
    return {
      ...apiError(429, 'rate-limited', `${message}; try again in ${admission.retryAfterSeconds} s`),
      headers: { 'retry-after': String(admission.retryAfterSeconds) },
    };
  }
  try {
    const clip = await context.clipFetch.clip(parsed.data);
    return { status: 200, body: clip };
  } catch (error) {
    if (!(error instanceof ClipRefusedError)) throw error;
    // The host only: the rest of a shared address may be private.
    context.logger.info({ reason: error.reason, host: hostOf(parsed.data.url), detail: error.message }, 'clip refused');
    return refused(error.reason, error.message);
  } finally {
    admission.release();
  }
});

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

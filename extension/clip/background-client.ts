/** How extension pages ask the background: one typed call per request, replies validated with zod. */
import type { WxtBrowser } from 'wxt/browser';
import {
  type BackgroundReply,
  type BackgroundRequest,
  backgroundReplySchemas,
} from '../../shared/protocol/extension-messages';

type Runtime = Pick<WxtBrowser['runtime'], 'sendMessage'>;

export async function askBackground<R extends BackgroundRequest>(
  runtime: Runtime,
  request: R,
): Promise<BackgroundReply<R['type']>> {
  try {
    const reply: unknown = await runtime.sendMessage(request);
    const parsed = backgroundReplySchemas[request.type].safeParse(reply);
    if (parsed.success) return parsed.data as BackgroundReply<R['type']>;
    console.error('popup: unexpected reply from the background', request.type, reply);
  } catch (error) {
    console.error('popup: background did not answer', request.type, error);
  }
  return { ok: false, reason: 'internal' } as BackgroundReply<R['type']>;
}

/**
 * A phone's share sheet posts to the share action; normally the web app's service worker takes the
 * post and keeps the share on the phone. Before the worker is installed the post reaches us: we do
 * not keep shares on the server, so we send the person to the share page, which says the share
 * could not be kept yet and how to share again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SHARE_NOT_KEPT, SHARE_PROBLEM_PARAM, SHARE_TARGET_PATH, SHARE_VIEW } from '../../shared/protocol/share-target';
import { EDITOR_PAGE } from './static-files';

export function isShareTargetPost(request: IncomingMessage, pathname: string): boolean {
  return pathname === SHARE_TARGET_PATH && request.method === 'POST';
}

export function answerShareWithoutWorker(request: IncomingMessage, response: ServerResponse): void {
  // The body is not read; the connection closes so the rest of an upload is not waited for.
  request.resume();
  response.writeHead(303, {
    location: `${EDITOR_PAGE}?view=${SHARE_VIEW}&${SHARE_PROBLEM_PARAM}=${SHARE_NOT_KEPT}`,
    'cache-control': 'no-store',
    connection: 'close',
  });
  response.end();
}

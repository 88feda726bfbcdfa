/**
 * How the mentoring rules are exercised: the server's document and a client's copy of it; `change`
 * runs on the copy (honestly or not), and the update it makes is checked as the server would.
 */
import * as Y from 'yjs';
import { checkMentoringUpdate } from '../../../shared/mentoring/mentoring-checker';
import type { FeedbackActor } from '../../../shared/mentoring/thread-rules';

export function attemptFeedbackChange(server: Y.Doc, actor: FeedbackActor, change: (copy: Y.Doc) => void) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(copy);
  change(copy);
  const update = Y.encodeStateAsUpdate(copy, before);
  const result = checkMentoringUpdate(server, update, actor);
  return { result, apply: () => Y.applyUpdate(server, update) };
}

/**
 * A draft's mentoring document (its `<draftId>.feedback` room): whoever may give feedback writes,
 * within the mentoring rules, each update checked at the cost of what it touches
 * (shared/mentoring/mentoring-checker.ts), and within the draft's size and photo limits.
 */
import type * as Y from 'yjs';
import { MentoringChecker, type MentoringLimits } from '../../../shared/mentoring/mentoring-checker';
import { MentoringIndex } from '../../../shared/mentoring/mentoring-index';
import type { RoomPolicy } from './room-policy';

export function mentoringPolicy(limits: MentoringLimits): RoomPolicy {
  let index: MentoringIndex | null = null;
  let checker: MentoringChecker | null = null;
  return {
    writeCapability: 'write-feedback',
    // The checker reads an update against the document as a whole (mentoring documents are small and capped).
    checksSlices: false,
    attach(doc: Y.Doc) {
      index = new MentoringIndex(doc);
      checker = new MentoringChecker(doc, index, limits);
    },
    check(update, session) {
      if (!checker) return { code: 'feedback-rule', reason: 'malformed', detail: 'document not loaded' };
      const result = checker.check(update.bytes, {
        userId: session.userId,
        name: session.userName,
        role: session.role,
      });
      return result.ok ? null : { code: 'feedback-rule', reason: result.reason, detail: result.detail };
    },
    settle(allApplied) {
      checker?.settle(allApplied);
    },
    summary: () => {
      if (!index) throw new Error('the mentoring document is not loaded');
      return index.summary();
    },
    detach() {
      checker?.destroy();
      index?.destroy();
      checker = null;
      index = null;
    },
  };
}

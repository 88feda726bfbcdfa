/** "Menunggu Anda" on the teacher's home: own drafts with unresolved feedback, and with overdue follow-up actions. */
import { overdueActions } from '../../../shared/model/draft-summary';
import type { DraftListItem } from '../../../shared/protocol/api';
import { openFeedbackOf } from './overview-rows';

export interface WaitingDraft {
  draft: DraftListItem;
  count: number;
}

export interface WaitingForYou {
  feedback: WaitingDraft[];
  overdue: WaitingDraft[];
}

/** Each list with the most waiting first, then the latest changed. `today` is the reader's local day. */
export function waitingForYou(drafts: readonly DraftListItem[], today: string): WaitingForYou {
  const byMost = (a: WaitingDraft, b: WaitingDraft) =>
    b.count - a.count || Date.parse(b.draft.updatedAt) - Date.parse(a.draft.updatedAt);
  const counted = (count: (draft: DraftListItem) => number) =>
    drafts
      .map((draft) => ({ draft, count: count(draft) }))
      .filter((item) => item.count > 0)
      .sort(byMost);
  return {
    feedback: counted(openFeedbackOf),
    overdue: counted((draft) => overdueActions(draft.summary, today)),
  };
}

/** The sentence the popup shows in its status line for the answer to "clip-selection". */
import type { Translate } from '../../shared/i18n';
import type { ClipSelectionReply } from '../../shared/protocol/extension-messages';

export function clipOutcomeText(reply: ClipSelectionReply, t: Translate, toInbox = false): string {
  if (!reply.ok) return t('clip.status.failed', { reason: t(`clip.reason.${reply.reason}`) });
  if (reply.delivery === 'delivered') return t(toInbox ? 'clip.status.deliveredInbox' : 'clip.status.delivered');
  if (reply.problem === null || reply.problem === 'offline') return t('clip.status.queued');
  return t('clip.status.queuedProblem', { reason: t(`clip.problem.${reply.problem}`) });
}

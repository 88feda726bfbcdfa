/**
 * A mentor assigned to a teacher (on the admin page) accompanies her drafts: she sees them as a
 * commenter — able to leave feedback, not to change the teacher's text. Given for the teacher's
 * drafts when the assignment is made and for every draft she creates later; a role someone
 * already has that is as strong or stronger is kept. Ending an assignment takes nothing away: the
 * teacher decides in her share dialog.
 */
import type { Role } from '../../shared/auth/roles';
import type { Storage } from '../storage/storage';
import { grantDraft } from './account-for-sign-in';

export interface MentorAccessDeps {
  storage: Pick<Storage, 'users' | 'drafts' | 'members' | 'identities' | 'sessions' | 'assignments'>;
  accessChanged(draftId: string, userId: string, role: Role | null): void;
}

function grantDeps(deps: MentorAccessDeps) {
  return { ...deps, allowedDomains: [], sessionsEnded: () => undefined };
}

export async function grantMentorOnTeacherDrafts(
  deps: MentorAccessDeps,
  mentorId: string,
  teacherId: string,
): Promise<void> {
  const mentor = await deps.storage.users.getUser(mentorId);
  if (!mentor) return;
  for (const draft of await deps.storage.drafts.listDraftsForMember(teacherId)) {
    if (draft.role === 'owner') await grantDraft(grantDeps(deps), mentor, { draftId: draft.id, role: 'commenter' });
  }
}

export async function grantMentorsOnNewDraft(
  deps: MentorAccessDeps,
  teacherId: string,
  draftId: string,
): Promise<void> {
  const assignments = (await deps.storage.assignments.listAssignments()).filter((each) => each.teacherId === teacherId);
  for (const { mentorId } of assignments) {
    const mentor = await deps.storage.users.getUser(mentorId);
    if (mentor && !mentor.suspendedAt) await grantDraft(grantDeps(deps), mentor, { draftId, role: 'commenter' });
  }
}

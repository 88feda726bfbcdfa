/** The drafts a clip may go into: those the person may change, most recently changed first, found by title. */
import { can } from '../../../shared/auth/roles';
import type { DraftInfo } from '../../../shared/protocol/api';

/** More than this are found by searching. */
const MAX_LISTED = 30;

export function writableDrafts<T extends DraftInfo>(drafts: readonly T[], search: string): T[] {
  const words = search.toLocaleLowerCase('id').split(/\s+/).filter(Boolean);
  return drafts
    .filter((draft) => can(draft.role, 'edit-content'))
    .filter((draft) => words.every((word) => draft.title.toLocaleLowerCase('id').includes(word)))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, MAX_LISTED);
}

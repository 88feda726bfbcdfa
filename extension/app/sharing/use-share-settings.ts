/**
 * The owner's view of who has access to a draft: its members and share links, and the actions on
 * them. After every change both lists are asked again, since one change can touch both (revoking a
 * link removes the people who joined through it).
 */
import { useCallback, useEffect, useState } from 'react';
import type { GrantableRole } from '../../../shared/auth/roles';
import type { CreateShareLinkRequest, CreateShareLinkResponse, Member, ShareLink } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason, ApiResult } from '../../api/api-client';

export interface ShareSettings {
  members: Member[] | null;
  links: ShareLink[] | null;
  /** The last failure, of loading or of an action; cleared by the next success. */
  problem: ApiFailureReason | null;
  busy: boolean;
  changeRole(userId: string, role: GrantableRole): Promise<void>;
  remove(userId: string): Promise<void>;
  revoke(linkId: string): Promise<void>;
  /** The new link with its secret (shown once), or null when it failed (see `problem`). */
  create(request: CreateShareLinkRequest): Promise<CreateShareLinkResponse | null>;
  /** Asks both lists again (an email invitation gives someone with an account the draft at once). */
  refresh(): Promise<void>;
}

export function useShareSettings(api: ApiClient, draftId: string): ShareSettings {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [problem, setProblem] = useState<ApiFailureReason | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const [memberList, linkList] = await Promise.all([api.members(draftId), api.links(draftId)]);
    if (memberList.ok) setMembers(memberList.value);
    if (linkList.ok) setLinks(linkList.value);
    const failed = !memberList.ok ? memberList : !linkList.ok ? linkList : null;
    if (failed) console.warn('dampingi: could not load who has access', draftId, failed);
    return failed?.reason ?? null;
  }, [api, draftId]);

  useEffect(() => {
    let current = true;
    void reload().then((reason) => {
      if (current) setProblem(reason);
    });
    return () => {
      current = false;
    };
  }, [reload]);

  /** Runs one action, then reloads; the action's failure wins over the reload's. */
  const act = useCallback(
    async <T>(action: () => Promise<ApiResult<T>>): Promise<T | null> => {
      setBusy(true);
      const result = await action();
      if (!result.ok) console.warn('dampingi: sharing action failed', draftId, result);
      const reloadProblem = await reload();
      setProblem(result.ok ? reloadProblem : result.reason);
      setBusy(false);
      return result.ok ? result.value : null;
    },
    [reload, draftId],
  );

  return {
    members,
    links,
    problem,
    busy,
    changeRole: async (userId, role) => void (await act(() => api.changeMember(draftId, userId, role))),
    remove: async (userId) => void (await act(() => api.removeMember(draftId, userId))),
    revoke: async (linkId) => void (await act(() => api.revokeLink(draftId, linkId))),
    create: (request) => act(() => api.createLink(draftId, request)),
    refresh: async () => setProblem(await reload()),
  };
}

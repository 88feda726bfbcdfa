/**
 * What the popup remembers between openings, in `browser.storage.local`: the last chosen draft,
 * the last list of drafts (shown when offline) and the name the server last told us.
 */
import { z } from 'zod';
import { DraftIdSchema } from '../../shared/model/ids';
import type { KeyValueArea } from '../settings/app-settings';

const KEYS = {
  lastDraftId: 'dampingi.clip.lastDraftId',
  drafts: 'dampingi.clip.drafts',
  signedInAs: 'dampingi.clip.signedInAs',
} as const;

/** A draft as the panel lists it; owner, workspace and time tell same-titled drafts apart (absent in older caches). */
export const CachedDraftSchema = z.object({
  id: DraftIdSchema,
  title: z.string().max(200),
  ownerName: z.string().max(200).optional(),
  workspaceName: z.string().max(200).optional(),
  updatedAt: z.string().max(40).optional(),
});
export type CachedDraft = z.infer<typeof CachedDraftSchema>;

const CachedDraftListSchema = z.object({ serverUrl: z.string(), drafts: z.array(CachedDraftSchema).max(1000) });
const SignedInAsSchema = z.object({ serverUrl: z.string(), name: z.string().max(200) });

export interface ClipPreferences {
  lastDraftId(): Promise<string | null>;
  setLastDraftId(draftId: string): Promise<void>;
  /** The drafts last listed by this server, or null if never listed. */
  cachedDrafts(serverUrl: string): Promise<CachedDraft[] | null>;
  setCachedDrafts(serverUrl: string, drafts: CachedDraft[]): Promise<void>;
  signedInAs(serverUrl: string): Promise<string | null>;
  setSignedInAs(serverUrl: string, name: string | null): Promise<void>;
}

export function clipPreferences(area: KeyValueArea): ClipPreferences {
  async function read<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | null> {
    const parsed = schema.safeParse((await area.get(key))[key]);
    return parsed.success ? parsed.data : null;
  }
  return {
    lastDraftId: () => read(KEYS.lastDraftId, DraftIdSchema),
    setLastDraftId: (draftId) => area.set({ [KEYS.lastDraftId]: DraftIdSchema.parse(draftId) }),
    async cachedDrafts(serverUrl) {
      const cached = await read(KEYS.drafts, CachedDraftListSchema);
      return cached && cached.serverUrl === serverUrl ? cached.drafts : null;
    },
    setCachedDrafts: (serverUrl, drafts) =>
      area.set({
        [KEYS.drafts]: { serverUrl, drafts: drafts.map((draft) => CachedDraftSchema.parse(cappedDraft(draft))) },
      }),
    async signedInAs(serverUrl) {
      const stored = await read(KEYS.signedInAs, SignedInAsSchema);
      return stored && stored.serverUrl === serverUrl ? stored.name : null;
    },
    setSignedInAs: (serverUrl, name) =>
      area.set({ [KEYS.signedInAs]: name === null ? null : { serverUrl, name: name.slice(0, 200) } }),
  };
}

/** Long names are cut rather than refused: the list is a convenience, not a record. */
function cappedDraft(draft: CachedDraft): CachedDraft {
  return {
    id: draft.id,
    title: draft.title.slice(0, 200),
    ...(draft.ownerName === undefined ? {} : { ownerName: draft.ownerName.slice(0, 200) }),
    ...(draft.workspaceName === undefined ? {} : { workspaceName: draft.workspaceName.slice(0, 200) }),
    ...(draft.updatedAt === undefined ? {} : { updatedAt: draft.updatedAt.slice(0, 40) }),
  };
}

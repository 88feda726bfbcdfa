/**
 * Saved versions of a draft's content, as the HTTP API carries them. A version holds the content
 * document's full Yjs state at one moment (the server stores it compressed); its metadata says who
 * saved it, why (by hand, at a stage move, or just before a restore) and how much feedback was open.
 */
import { z } from 'zod';
import { StageSchema } from '../model/stages';

/** `manual`: "Simpan versi"; `stage`: saved by the server as the draft moved stage; `restore`: kept just before a restore. */
export const versionKinds = ['manual', 'stage', 'restore'] as const;
export const VersionKindSchema = z.enum(versionKinds);
export type VersionKind = z.infer<typeof VersionKindSchema>;

export const VersionIdSchema = z.string().regex(/^v-[A-Za-z0-9_-]{8,64}$/, 'invalid version id');

export const VersionNameSchema = z.string().trim().min(1, 'name is required').max(120, 'name is too long');

export const VersionInfoSchema = z.object({
  id: VersionIdSchema,
  /** Given by hand; null for an automatic one (the UI names it from its stages or restore). */
  name: z.string().nullable(),
  kind: VersionKindSchema,
  /** For `stage`: the move it was saved at. */
  fromStage: StageSchema.nullable(),
  toStage: StageSchema.nullable(),
  /** For `restore`: the version that was restored right after this one was saved. */
  restoredFrom: VersionIdSchema.nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.iso.datetime(),
  /** Size of the content's Yjs state (uncompressed). */
  byteSize: z.number().int().nonnegative(),
  /** The content was unchanged since this earlier version; only a reference to its state is stored. */
  sameAs: VersionIdSchema.nullable(),
  /** Feedback threads of the draft at that moment. */
  feedback: z.object({ open: z.number().int().nonnegative(), resolved: z.number().int().nonnegative() }),
});
export type VersionInfo = z.infer<typeof VersionInfoSchema>;

export const VersionListResponseSchema = z.object({ versions: z.array(VersionInfoSchema) });
export type VersionListResponse = z.infer<typeof VersionListResponseSchema>;

export const SaveVersionRequestSchema = z.object({ name: VersionNameSchema });
export type SaveVersionRequest = z.infer<typeof SaveVersionRequestSchema>;

export const VersionResponseSchema = z.object({ version: VersionInfoSchema });
export type VersionResponse = z.infer<typeof VersionResponseSchema>;

/** Base64 of `Y.encodeStateAsUpdate` of the content document as it was. */
export const VersionStateResponseSchema = z.object({
  version: VersionInfoSchema,
  state: z.base64(),
});
export type VersionStateResponse = z.infer<typeof VersionStateResponseSchema>;

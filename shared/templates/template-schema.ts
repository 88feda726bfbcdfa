/**
 * A template is data, not code: a document valid under the draft schema, in Bahasa Indonesia and
 * English, that a new draft starts from. Built-in ones ship in ./builtin (JSON); a workspace's own
 * are saved from a draft by its owner and kept by the server.
 */
import { z } from 'zod';
import { TemplateIdSchema } from '../model/ids';
import { MediaKindSchema } from '../model/media-kinds';

const bilingual = <T extends z.ZodType>(schema: T) => z.object({ id: schema, en: schema });

/** A ProseMirror JSON document (its validity under the draft schema is checked by ./template-content.ts). */
export const DocumentJsonSchema = z.object({ type: z.literal('doc'), content: z.array(z.unknown()).max(5_000) });
export type DocumentJson = z.infer<typeof DocumentJsonSchema>;

export const TemplateSchema = z.object({
  id: TemplateIdSchema,
  mediaKind: MediaKindSchema,
  name: bilingual(z.string().trim().min(1).max(120)),
  description: bilingual(z.string().max(500)),
  content: bilingual(DocumentJsonSchema),
});
export type Template = z.infer<typeof TemplateSchema>;

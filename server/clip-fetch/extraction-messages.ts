/** What the server's thread and the extraction worker (./extraction-worker.ts) say to each other. */
import { z } from 'zod';
import { OffscreenExtractArticleReplySchema } from '../../shared/protocol/extension-messages';

export const ExtractionJobSchema = z.object({
  id: z.number().int(),
  html: z.string(),
  url: z.string(),
  mode: z.enum(['article', 'bookmark']),
});
export type ExtractionJob = z.infer<typeof ExtractionJobSchema>;

export const ExtractionResultSchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), page: OffscreenExtractArticleReplySchema }),
  z.object({ id: z.number().int(), ok: z.literal(false), message: z.string() }),
]);
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;

/** The worker's first message: jsdom and the extraction code are loaded, pages can come. */
export const WorkerReadySchema = z.object({ ready: z.literal(true) });

/** Validates what the injected `describeMedia` returned (./read-media.ts): page-controlled input. */
import { z } from 'zod';
import { isHttpUrl } from './page-selection';

const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, max))
    .nullable()
    .transform((value) => (value ? value : null));

export const MediaDetailsSchema = z.object({
  found: z.boolean(),
  url: z
    .string()
    .max(4096)
    .nullable()
    .transform((value) => (value && isHttpUrl(value) ? value : null)),
  title: text(1000),
  caption: text(1000),
  platform: z.enum(['youtube']).nullable(),
});
export type MediaDetails = z.infer<typeof MediaDetailsSchema>;

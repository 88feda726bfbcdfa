/** What kind of lesson media a draft is: chosen with its template, shown in the overviews. */
import { z } from 'zod';

export const mediaKinds = ['modul-ajar', 'lkpd', 'bahan-bacaan', 'presentasi', 'blank'] as const;
export const MediaKindSchema = z.enum(mediaKinds);
export type MediaKind = z.infer<typeof MediaKindSchema>;

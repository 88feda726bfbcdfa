// The shape of a page's bibliographic metadata, as a zod schema so callers across contexts can validate it.
import { z } from 'zod';

const optionalText = z.string().min(1).nullable();
const optionalUrl = z.url().nullable();

export const pageMetadataSchema = z.object({
  title: optionalText,
  byline: optionalText,
  publishedTime: optionalText,
  siteName: optionalText,
  lang: optionalText,
  canonicalUrl: optionalUrl,
  licence: optionalText,
  excerpt: optionalText,
  favicon: optionalUrl,
  leadImage: optionalUrl,
});

export type PageMetadata = z.infer<typeof pageMetadataSchema>;

// Article extraction and page metadata for clipping; every function takes the Document and URL it works on.
export { articleSchema, type ExtractArticleOptions, type ExtractedArticle, extractArticle } from './article';
export { extractMetadata } from './metadata';
export { type PageMetadata, pageMetadataSchema } from './metadata-schema';
export { plainTextOf } from './plain-text';
export { shingleF1 } from './shingle-f1';

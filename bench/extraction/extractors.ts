/** The extractors the extraction workload compares: ours and the two libraries it builds on. */
export const extractors = ['dampingi', 'readability', 'defuddle'] as const;
export type Extractor = (typeof extractors)[number];

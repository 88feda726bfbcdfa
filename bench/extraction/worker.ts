/**
 * A worker process of the extraction workload: extracts the pages it is given (all chosen extractors, interleaved
 * page by page, as in one process) and posts each outcome back, so slow extractors spread over the machine's cores.
 */
import { z } from 'zod';
import { readCases, readPage } from './corpus';
import { extractPage } from './extract-page';
import { extractors } from './extractors';

const jobSchema = z.object({
  corpusDir: z.string(),
  ids: z.array(z.string()),
  extractors: z.array(z.enum(extractors)),
  repeats: z.number().int().min(1),
});

// The parent disconnects once it has every outcome, which lets this process end.
process.once('message', (message) => {
  const job = jobSchema.parse(message);
  const wanted = new Set(job.ids);
  for (const item of readCases(job.corpusDir).filter((item) => wanted.has(item.id))) {
    process.send?.(extractPage(item, readPage(job.corpusDir, item.id), job.extractors, job.repeats));
  }
});

/** Reads the extraction evaluation set: `cases.json` (snippets a human marked) and the saved pages (gzip). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

const caseSchema = z.object({
  url: z.string(),
  source_file: z.string().optional(),
  with: z.array(z.string()),
  without: z.array(z.string()),
});
export type EvalCase = z.infer<typeof caseSchema> & { id: string };

export function readCases(corpusDir: string, limit?: number): EvalCase[] {
  const raw = z.record(z.string(), caseSchema).parse(JSON.parse(readFileSync(join(corpusDir, 'cases.json'), 'utf8')));
  return Object.entries(raw)
    .map(([id, item]) => ({ ...item, id }))
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, limit);
}

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The page's declared charset when the decoder knows it, else UTF-8 (as a browser would fall back). */
function decode(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = CHARSET.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function readPage(corpusDir: string, id: string): string {
  return decode(gunzipSync(readFileSync(join(corpusDir, 'pages', `${id}.html.gz`))));
}

// CLI: reads JSON lines {id?, url, html} on stdin and writes one JSON line of metadata and article text per input, in order.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { extractArticle, extractMetadata } from '../extension/clip/extract';
import { parsePage } from '../extension/clip/extract/node/parse-page';

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  url: z.string().min(1),
  html: z.string(),
});

function idOf(value: unknown): string | number | null {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

function extractLine(line: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `invalid JSON: ${(error as Error).message}` };
  }
  const input = inputSchema.safeParse(json);
  if (!input.success) {
    return { id: idOf(json), error: `invalid input: ${z.prettifyError(input.error)}` };
  }
  const { url, html } = input.data;
  const id = input.data.id ?? null;
  const page = parsePage(html, url);
  try {
    const doc = page.document;
    const article = extractArticle(doc, url, {
      onExtractorError: (extractor, error) => process.stderr.write(`${url}: ${extractor} failed: ${String(error)}\n`),
    });
    const metadata = extractMetadata(doc, url);
    const firstParagraph = article.text.split('\n').find((line) => line.length > 40) ?? null;
    return {
      id,
      url,
      title: metadata.title,
      byline: metadata.byline,
      siteName: metadata.siteName,
      publishedTime: metadata.publishedTime,
      lang: metadata.lang,
      canonicalUrl: metadata.canonicalUrl,
      licence: metadata.licence,
      excerpt: metadata.excerpt ?? firstParagraph,
      leadImage: metadata.leadImage,
      text: article.text,
      html: article.html,
    };
  } catch (error) {
    return { id, url, error: `extraction failed: ${String(error)}` };
  } finally {
    page.close();
  }
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const output = `${JSON.stringify(extractLine(line))}\n`;
    // Respect back-pressure so a long input does not pile up output in memory.
    if (!process.stdout.write(output)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

await main();

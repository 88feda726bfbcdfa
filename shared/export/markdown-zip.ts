/** The Markdown export as a .zip: the text beside its images, pictures stored as they are (already compressed). */
import { type Zippable, zipSync } from 'fflate';
import type { MarkdownExport } from './to-markdown';

export function markdownZip(result: MarkdownExport, markdownName: string): Uint8Array {
  const files: Zippable = { [markdownName]: [new TextEncoder().encode(result.markdown), { level: 6 }] };
  for (const file of result.files) files[file.path] = [file.bytes, { level: 0 }];
  return zipSync(files);
}

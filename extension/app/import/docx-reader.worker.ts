/** Reads one .docx per message off the page's thread (read-docx.ts), so a large file never freezes the page. */
import mammoth from 'mammoth/mammoth.browser.js';
import { type DocxReader, readDocx } from './read-docx';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ArrayBuffer>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  void readDocx(event.data, mammoth as unknown as DocxReader).then((reading) => scope.postMessage(reading));
};

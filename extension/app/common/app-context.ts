/** Where the editor runs: an extension page (chrome-extension://…) or the web page the server serves. */
export type EditorContext = 'extension' | 'web';

export function detectEditorContext(global: typeof globalThis = globalThis): EditorContext {
  const chromeApi = (global as { chrome?: { runtime?: { id?: string } } }).chrome;
  return chromeApi?.runtime?.id ? 'extension' : 'web';
}

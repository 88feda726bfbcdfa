/**
 * The anchors of workload 4, served from loopback: the draft as a static HTML page (the floor: what
 * the browser itself needs) and the draft in a bare Tiptap editor (what the editor framework needs).
 */
import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';
import { bareEditorPage, type DraftText, staticPage } from './draft-document';

export interface AnchorPages {
  readonly staticUrl: string;
  readonly bareEditorUrl: string;
  close(): Promise<void>;
}

const BARE_EDITOR_SCRIPT = '/bare-editor.js';

/** Bundled like a production editor build: minified, for the browser. */
async function bareEditorBundle(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: ['bench/open-draft/bare-editor-entry.ts'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    write: false,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bare editor bundle');
  return file.contents;
}

export async function serveAnchorPages(text: DraftText): Promise<AnchorPages> {
  const files = new Map<string, { type: string; body: string | Uint8Array }>([
    ['/static.html', { type: 'text/html; charset=utf-8', body: staticPage(text) }],
    ['/bare.html', { type: 'text/html; charset=utf-8', body: bareEditorPage(text, BARE_EDITOR_SCRIPT) }],
    [BARE_EDITOR_SCRIPT, { type: 'text/javascript; charset=utf-8', body: await bareEditorBundle() }],
  ]);
  const server: Server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://anchor').pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('anchor page server has no port');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    staticUrl: `${base}/static.html`,
    bareEditorUrl: `${base}/bare.html`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

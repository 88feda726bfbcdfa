/**
 * The server as it runs in production (`npm start`) and in the benchmark: bundled to plain ESM
 * (dependencies left external), so it starts on bare `node` — a tsx loader in the process would add
 * ~30 MiB of RSS. Split into chunks, as the server's lazy imports intend: one file would load at
 * start what only a template, PostgreSQL or Redis needs (~27 MiB more idle RSS). The bundle must sit
 * inside the repository (its imports resolve from `node_modules` above it) and keeps the entry's
 * `import.meta.url`. Each file's source map lies beside it (`<file>.map`, not linked), so CPU
 * profiles can be mapped back to the sources.
 *
 * Run directly: `node --import tsx scripts/bundle-server.ts` writes `.output/server/main.mjs`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Page extraction runs on a worker thread: a second entry, bundled beside the server's. */
const EXTRACTION_WORKER = 'server/clip-fetch/extraction-worker.ts';

/** Bundles `entry` into `outdir`; resolves to the path of the entry's `.mjs`. */
export async function bundleServer(entry: string, outdir: string): Promise<string> {
  const name = basename(entry).replace(/\.ts$/, '');
  const worker = pathToFileURL(resolve(outdir, `${basename(EXTRACTION_WORKER, '.ts')}.mjs`)).href;
  const { outputFiles } = await build({
    entryPoints: [entry, EXTRACTION_WORKER],
    outdir,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(resolve(entry)).href),
      // Where server/clip-fetch/extraction-thread.ts finds its worker once bundled.
      DAMPINGI_EXTRACTION_WORKER_URL: JSON.stringify(worker),
    },
    sourcemap: 'external',
    logLevel: 'error',
    write: false,
  });
  mkdirSync(outdir, { recursive: true });
  // Each written aside and renamed, so a process starting meanwhile never runs a half-written
  // bundle; the entry last, so every chunk it imports is already there.
  const entryFile = resolve(outdir, `${name}.mjs`);
  const ordered = [...outputFiles].sort((a, b) => Number(a.path === entryFile) - Number(b.path === entryFile));
  for (const file of ordered) {
    const partial = `${file.path}.${process.pid}`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return join(outdir, `${name}.mjs`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = await bundleServer('server/main.ts', join('.output', 'server'));
  console.log(`server bundled: ${path}`);
}

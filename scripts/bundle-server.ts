/**
 * The server as it runs in production (`npm start`) and in the benchmark: bundled to plain ESM
 * (dependencies left external), so it starts on bare `node` — a tsx loader in the process would add
 * ~30 MiB of RSS. Split into chunks, as the server's lazy imports intend: one file would load at
 * start what only a template, PostgreSQL or Redis needs (~27 MiB more idle RSS). The bundle must sit
 * inside the repository (its imports resolve from `node_modules` above it) and keeps the entry's
 * `import.meta.url`. Each file's source map lies beside it (`<file>.map`, not linked), so CPU
 * profiles can be mapped back to the sources.
 *
 * Lighter at rest (bench/RESULTS.md, idle RSS): whitespace and comments are dropped (V8 holds every
 * script's source in its heap, and one non-Latin-1 character in a comment doubles that string), names
 * are kept for readable stack traces; zod and jose are bundled in, so only the parts the server uses
 * load (zod's locales and JSON-schema code, jose's other algorithms stay out: ~1.5 MiB of heap, some
 * 120 module files fewer to load).
 *
 * Run directly: `node --import tsx scripts/bundle-server.ts` writes `.output/server/main.mjs`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Page extraction runs on a worker thread: a second entry, bundled beside the server's. */
const EXTRACTION_WORKER = 'server/clip-fetch/extraction-worker.ts';

/** Packages bundled into the server, tree-shaken: plain ESM, no files read at run time, no native code. */
const BUNDLED_PACKAGES = new Set(['zod', 'jose']);

/** The package a bare import names (`zod/mini` → `zod`, `@scope/name/x` → `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Every other package stays external: resolved from `node_modules` at run time, as before. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      !path.startsWith('node:') && BUNDLED_PACKAGES.has(packageOf(path)) ? undefined : { external: true },
    );
  },
};

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
    plugins: [externalPackages],
    minifyWhitespace: true,
    minifySyntax: true,
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

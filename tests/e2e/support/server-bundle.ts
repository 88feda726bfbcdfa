/**
 * The e2e project's global setup: bundles the server and the user CLI once per run, as `npm run serve`
 * runs the server (scripts/bundle-server.ts: plain node, no tsx loader). Every e2e file then starts its
 * servers and adds its users from that bundle (support/dampingi-server.ts): a server start took about
 * twice as long through tsx, a user CLI call about four times. Bundled from the sources under test at
 * the start and on every rerun in watch mode; removed when vitest ends.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleServer } from '../../../scripts/bundle-server';
import { BUNDLE_DIR_VARIABLE } from './dampingi-server';

const ROOT = resolve(import.meta.dirname, '../../..');

export default async function bundleForRun(project: TestProject): Promise<() => void> {
  // Inside the repository: the bundle's imports resolve from node_modules above it.
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.output', 'e2e-server-'));
  const bundle = async () => {
    await bundleServer(join(ROOT, 'server/main.ts'), join(dir, 'server'));
    await bundleServer(join(ROOT, 'server/cli/user.ts'), join(dir, 'cli'));
  };
  await bundle();
  // An edited server is what the next run in watch mode tests.
  project.onTestsRerun(bundle);
  // Read by the test forks, which inherit this process's environment.
  process.env[BUNDLE_DIR_VARIABLE] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

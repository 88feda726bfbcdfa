import { defineConfig } from 'vitest/config';

// Three suites: fast units, integration against a real server on loopback, and end-to-end in
// real Chromium with the built extension (run one file at a time: they share the browser binary).
// expect.poll waits for a condition; vitest's default gives up after 1 s, which an e2e test on a
// machine busy on both cores missed (a suggestion accepted in one page, seen in both).
const everyProject = { environment: 'node', expect: { poll: { timeout: 15_000 } } } as const;
// vitest does not turn the event loop between tests; without a turn, a worker busy with synchronous
// tests leaves its main process's answers unread past their fixed 60 s timeout (see the setup file).
const betweenTests = { setupFiles: ['tests/support/yield-between-tests.ts'] };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          ...everyProject,
          ...betweenTests,
          // A few units do seconds of CPU work (a 33 MiB update, property runs): on a machine busy on
          // both cores they took 10-15 s against vitest's default limit of 5.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          ...everyProject,
          ...betweenTests,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          ...everyProject,
          // The server and the user CLI bundled once for the run, as `npm run serve` runs the server.
          globalSetup: ['tests/e2e/support/server-bundle.ts'],
          // One file at a time, in a pool of its own (a worker thread): the forks pool ran the unit and
          // integration files first and only then this project; in its own pool it runs beside them.
          pool: 'threads',
          poolOptions: { threads: { singleThread: true } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

/** Starts the Dampingi server: reads the configuration, starts, and shuts down cleanly on SIGTERM/SIGINT. */
import { setFlagsFromString } from 'node:v8';
import { startServer } from './app';
import { configFromEnv } from './config';
import { exposedGarbageCollector } from './idle-collection';

// V8 guesses that some allocation sites of the update path make long-lived objects and allocates
// them straight in the old generation; here they die within milliseconds, so every one becomes
// old-generation garbage and drags the young objects it points to along (~0.9 MiB promoted per
// scavenge, 95 MiB per benchmark run; 0 with the guess off). Read at each GC, so setting it here works.
// Profile and figures: bench/MEMORY.md.
setFlagsFromString('--no-allocation-site-pretenuring');

const loaded = configFromEnv(process.env);
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}

// An expected failure to start (the database unreachable, the port taken) is one line, not a stack trace.
// Once nothing has been open for 1 s, the garbage of what was is returned (server/idle-collection.ts).
const collectWhenIdle = { collect: exposedGarbageCollector(), quietMs: 1_000 };
const server = await startServer(loaded.config, { collectWhenIdle }).catch((error: unknown) => {
  console.error(`Dampingi could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  });
}

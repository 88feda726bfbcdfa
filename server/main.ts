/** Starts the Dampingi server: reads the configuration, starts, and shuts down cleanly on SIGTERM/SIGINT. */
import { startServer } from './app';
import { configFromEnv } from './config';

const loaded = configFromEnv(process.env);
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}

// An expected failure to start (the database unreachable, the port taken) is one line, not a stack trace.
const server = await startServer(loaded.config).catch((error: unknown) => {
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

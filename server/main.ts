/** Starts the Dampingi server: reads the configuration, starts, and shuts down cleanly on SIGTERM/SIGINT. */
import { startServer } from './app';
import { configFromEnv } from './config';

const loaded = configFromEnv(process.env);
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}

const server = await startServer(loaded.config);

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

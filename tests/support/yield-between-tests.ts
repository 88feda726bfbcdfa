/**
 * Every test file's setup: after each test the worker lets its event loop run once. A vitest worker
 * reports to the main process over an RPC whose calls time out after 60 s, a limit no option changes;
 * the answer to a report waits unread while tests run synchronously one after another (a file of
 * Readability's pages, a property run), and on a machine busy on both cores such a file passed the
 * 60 s: the run then ended in "Timeout calling onTaskUpdate" with every test passed, and reported no
 * end-to-end file at all. One turn of the event loop per test reads each answer in time.
 */
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

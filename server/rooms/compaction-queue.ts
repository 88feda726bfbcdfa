/**
 * One compaction at a time in a process, with the event loop free between two of them. Encoding a
 * document and rewriting its log are synchronous (Yjs, better-sqlite3); many rooms reaching their
 * threshold together (a class typing at once) must not stall every room for the sum of them.
 */
export class CompactionQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => new Promise<void>((done) => setImmediate(done))).then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Runs async tasks one after another, in the order they were pushed: a room's single line of work. */

export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** `onError` receives what a task throws (a bug: tasks handle expected failures themselves). */
  constructor(private readonly onError: (error: unknown) => void) {}

  push(task: () => Promise<void> | void): void {
    this.pending += 1;
    this.tail = this.tail
      .then(task)
      .catch(this.onError)
      .finally(() => {
        this.pending -= 1;
      });
  }

  get idle(): boolean {
    return this.pending === 0;
  }

  /** Resolves once every task pushed so far has finished. */
  whenIdle(): Promise<void> {
    return this.tail;
  }
}

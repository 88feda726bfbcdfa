import { describe, expect, it } from 'vitest';
import { CompactionQueue } from '../../../../server/rooms/compaction-queue';

describe('compactions take turns', () => {
  it('runs one task at a time, in order, each after a turn of the event loop; a failing one does not stop the next', async () => {
    const queue = new CompactionQueue();
    const timeline: string[] = [];
    const task = (name: string) => async () => {
      timeline.push(`${name} start`);
      await new Promise((done) => setImmediate(done)); // its own await: the next task must still wait
      timeline.push(`${name} end`);
      return name;
    };
    const first = queue.run(task('a'));
    const failing = queue.run(async () => {
      throw new Error('disk full');
    });
    const second = queue.run(task('b'));
    setImmediate(() => timeline.push('other work'));
    await expect(failing).rejects.toThrow('disk full');
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(timeline).toEqual(['other work', 'a start', 'a end', 'b start', 'b end']);
  });
});

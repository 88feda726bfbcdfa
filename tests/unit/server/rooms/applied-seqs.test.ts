import { describe, expect, it } from 'vitest';
import { AppliedSeqs } from '../../../../server/rooms/applied-seqs';

describe('AppliedSeqs', () => {
  it('an update arriving before the one it follows waits as "ahead" until the gap is filled', () => {
    const seqs = new AppliedSeqs(4);
    expect(seqs.isNext(6)).toBe(false);
    seqs.add(6);
    expect(seqs.through).toBe(4);
    expect(seqs.has(6)).toBe(true);
    expect(seqs.has(5)).toBe(false);
    seqs.add(5);
    expect(seqs.through).toBe(6);
  });

  it('catching up from storage moves `through` past everything read, keeping later ones', () => {
    const seqs = new AppliedSeqs(1);
    seqs.add(3);
    seqs.add(9);
    seqs.caughtUp(8);
    expect(seqs.through).toBe(9);
    expect(seqs.isNext(10)).toBe(true);
    seqs.caughtUp(2);
    expect(seqs.through).toBe(9);
  });
});

/**
 * Which updates of a document a process has applied, by their seq in the document's log: every seq
 * up to `through`, plus some later ones applied out of order. In a cluster a process tells from this
 * whether it missed an update (a gap) and how far it may compact (only up to `through`).
 */
export class AppliedSeqs {
  private throughSeq: number;
  private readonly ahead = new Set<number>();

  constructor(through = 0) {
    this.throughSeq = through;
  }

  /** Every seq up to and including this one is applied. */
  get through(): number {
    return this.throughSeq;
  }

  has(seq: number): boolean {
    return seq <= this.throughSeq || this.ahead.has(seq);
  }

  /** True when `seq` follows without a gap: everything before it is applied. */
  isNext(seq: number): boolean {
    return seq === this.throughSeq + 1;
  }

  add(seq: number): void {
    if (this.has(seq)) return;
    if (seq !== this.throughSeq + 1) {
      this.ahead.add(seq);
      return;
    }
    this.throughSeq = seq;
    this.absorb();
  }

  /** Storage was read up to `lastSeq`: every seq up to it is applied now. */
  caughtUp(lastSeq: number): void {
    if (lastSeq <= this.throughSeq) return;
    this.throughSeq = lastSeq;
    for (const seq of this.ahead) if (seq <= lastSeq) this.ahead.delete(seq);
    this.absorb();
  }

  private absorb(): void {
    while (this.ahead.delete(this.throughSeq + 1)) this.throughSeq += 1;
  }
}

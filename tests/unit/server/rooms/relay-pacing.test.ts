/** Between two relayed slices the room waits for readers that keep up, and gives up once on one that takes nothing. */
import { describe, expect, it } from 'vitest';
import { relayPacer } from '../../../../server/rooms/relay-pacing';
import { waitFor } from '../../../integration/support/wait-for';

/** A reader whose unsent bytes the test sets; counts how often the pacer looked. */
function reader(bytes: number) {
  const state = { bytes, looks: 0 };
  const socket = {
    isOpen: () => true,
    send: () => {},
    close: () => {},
    bufferedBytes: () => {
      state.looks += 1;
      return state.bytes;
    },
  };
  return { state, connection: { socket } };
}

describe('relayPacer', () => {
  it('waits while a reader has more than the allowance waiting, and goes on once it has taken it', async () => {
    const slow = reader(20);
    const fast = reader(0);
    const pace = relayPacer(() => [slow.connection, fast.connection], { aheadBytes: 10, stalledMs: 60_000 });
    let done = false;
    const waited = pace().then(() => {
      done = true;
    });
    await waitFor(() => slow.state.looks >= 3, 'the pacer to look at the slow reader a few times');
    expect(done).toBe(false);
    slow.state.bytes = 5;
    await waited;
    expect(done).toBe(true);
  });

  it('a reader that takes nothing for the stall time is given up on, for the rest of the update only', async () => {
    const stuck = reader(20);
    let clock = 0;
    const options = { aheadBytes: 10, stalledMs: 1_000, now: () => clock };
    const pace = relayPacer(() => [stuck.connection], options);
    const first = pace();
    await waitFor(() => stuck.state.looks >= 2, 'the pacer to look at the stuck reader');
    clock = 1_000;
    await first;
    // The next slices do not wait for it again.
    const looks = stuck.state.looks;
    await pace();
    expect(stuck.state.looks).toBe(looks);
    // A new update's pacer waits for it again.
    let done = false;
    const next = relayPacer(() => [stuck.connection], options)().then(() => {
      done = true;
    });
    await waitFor(() => stuck.state.looks >= looks + 2, 'the next pacer to look at it');
    expect(done).toBe(false);
    stuck.state.bytes = 0;
    await next;
  });
});

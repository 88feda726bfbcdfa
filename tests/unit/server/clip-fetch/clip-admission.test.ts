/** Who may start a clip from a URL now: a few per account per minute, and a cap on clips in progress in the process. */
import { describe, expect, it } from 'vitest';
import { createClipFetchService } from '../../../../server/clip-fetch/clip-fetch-service';
import { DEFAULT_CLIP_FETCH_SETTINGS } from '../../../../server/clip-fetch/fetch-settings';

function service(overrides: Partial<typeof DEFAULT_CLIP_FETCH_SETTINGS>) {
  return createClipFetchService({ settings: { ...DEFAULT_CLIP_FETCH_SETTINGS, ...overrides }, version: 'test' });
}

describe('starting a clip from a URL', () => {
  it('a busy process refuses at once, without spending the account’s allowance, until one ends', () => {
    const clips = service({ maxConcurrent: 1, perAccountPerMinute: 2 });
    const first = clips.admit('user-sari');
    if (!first.ok) throw new Error('refused');
    expect(clips.admit('user-budi')).toEqual({ ok: false, why: 'busy', retryAfterSeconds: 5 });
    first.release();
    first.release(); // a second release changes nothing
    const second = clips.admit('user-sari');
    expect(second.ok).toBe(true);
    if (second.ok) second.release();
    expect(clips.admit('user-sari')).toMatchObject({ ok: false, why: 'account-rate' });
    expect(clips.admit('user-budi').ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  BackgroundRequestSchema,
  ClipSelectionReplySchema,
  OffscreenConvertReplySchema,
  OffscreenConvertRequestSchema,
} from '../../shared/protocol/extension-messages';

describe('messages between extension pages and the background are validated', () => {
  it('the three background requests are accepted', () => {
    for (const request of [
      { type: 'clip-selection', tabId: 12, draftId: 'draft-0001' },
      { type: 'clip-selection', tabId: 12, frameId: 0, draftId: 'draft-0001' },
      { type: 'outbox-status' },
      { type: 'retry-outbox' },
    ]) {
      expect(BackgroundRequestSchema.safeParse(request).success, JSON.stringify(request)).toBe(true);
    }
  });

  it('bad requests are refused', () => {
    for (const request of [
      null,
      'clip-selection',
      {},
      { type: 'delete-everything' },
      { type: 'clip-selection', tabId: -1, draftId: 'draft-0001' },
      { type: 'clip-selection', tabId: 1.5, draftId: 'draft-0001' },
      { type: 'clip-selection', tabId: '12', draftId: 'draft-0001' },
      { type: 'clip-selection', tabId: 12 },
      { type: 'clip-selection', tabId: 12, draftId: '../../etc' },
      { type: 'clip-selection', tabId: 12, draftId: 'short' },
    ]) {
      expect(BackgroundRequestSchema.safeParse(request).success, JSON.stringify(request)).toBe(false);
    }
  });

  it('replies carry a known reason or a known delivery state', () => {
    const clipId = crypto.randomUUID();
    expect(ClipSelectionReplySchema.safeParse({ ok: true, clipId, delivery: 'delivered' }).success).toBe(true);
    expect(
      ClipSelectionReplySchema.safeParse({ ok: true, clipId, delivery: 'queued', problem: 'offline' }).success,
    ).toBe(true);
    expect(ClipSelectionReplySchema.safeParse({ ok: false, reason: 'nothing-selected' }).success).toBe(true);
    expect(ClipSelectionReplySchema.safeParse({ ok: false, reason: 'because' }).success).toBe(false);
    expect(ClipSelectionReplySchema.safeParse({ ok: true, clipId, delivery: 'maybe' }).success).toBe(false);
    expect(ClipSelectionReplySchema.safeParse(undefined).success).toBe(false);
  });

  it('the offscreen document only accepts HTML strings of bounded size and answers with node JSON', () => {
    expect(OffscreenConvertRequestSchema.safeParse({ type: 'offscreen-convert-html', html: '<p>x</p>' }).success).toBe(
      true,
    );
    expect(OffscreenConvertRequestSchema.safeParse({ type: 'offscreen-convert-html', html: 5 }).success).toBe(false);
    expect(
      OffscreenConvertRequestSchema.safeParse({ type: 'offscreen-convert-html', html: 'x'.repeat(2_000_001) }).success,
    ).toBe(false);
    expect(OffscreenConvertReplySchema.safeParse({ ok: true, content: [] }).success).toBe(false);
    expect(OffscreenConvertReplySchema.safeParse({ ok: true, content: [{ type: 'paragraph' }] }).success).toBe(true);
  });
});

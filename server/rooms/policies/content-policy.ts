/** A draft's content: owners and editors write; no image may be fetched from elsewhere (shared/model/content-images.ts). */
import { foreignImageSource } from '../../../shared/model/content-images';
import type { RoomPolicy } from './room-policy';

export function contentPolicy(): RoomPolicy {
  return {
    writeCapability: 'edit-content',
    checksSlices: true,
    attach: () => {},
    settle: () => {},
    check(update) {
      const source = foreignImageSource(update.structs);
      return source === null
        ? null
        : { code: 'content-rule', reason: 'external-image', detail: `image source ${source}` };
    },
    detach: () => {},
  };
}

/**
 * "Buat tindakan" on a reflection item: a real link to the plan view with that item preselected
 * (`&item=<ItemRef>`), so the address can be shared and the back button works.
 */
import { type ItemRef, ItemRefSchema } from '../../../shared/mentoring/cycle-schema';
import { draftHref } from '../common/page-route';

export const ITEM_PARAM = 'item';

export function planHrefFor(draftId: string, item: ItemRef): string {
  return `${draftHref(draftId, 'plan')}&${ITEM_PARAM}=${encodeURIComponent(item)}`;
}

export function preselectedItem(location: Pick<Location, 'search'>): ItemRef | null {
  const value = new URLSearchParams(location.search).get(ITEM_PARAM);
  return value !== null && ItemRefSchema.safeParse(value).success ? value : null;
}

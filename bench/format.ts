/** Number formatting shared by the Markdown reports. */
import type { Spread } from './stats';

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
export const showSpread = (value: Spread, digits = 1) =>
  Number.isFinite(value.median)
    ? `${fixed(value.median, digits)} (${fixed(value.min, digits)}–${fixed(value.max, digits)})`
    : '–';
export const ratio = (ours: number, anchor: number) => (anchor > 0 ? `${fixed(ours / anchor, 2)}×` : '–');

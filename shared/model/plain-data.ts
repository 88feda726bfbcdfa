/**
 * Values that come from clients — Yjs maps and arrays, JSON decoded from updates — read as data,
 * never as objects: own keys only, in objects without a prototype, and `__proto__`, `constructor`
 * and `prototype` refused as keys. Yjs's own `toJSON()` and lib0's decoder assign keys to `{}`,
 * where `__proto__` becomes the prototype: invisible to `Object.keys`, yet read by `in` and by zod.
 */
import * as Y from 'yjs';

export type PlainValue = null | boolean | number | string | PlainValue[] | PlainObject;
export interface PlainObject {
  readonly [key: string]: PlainValue;
}

/** Keys that would reach an object's prototype machinery when assigned. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What ids of threads, comments, notes, actions and moves look like (random UUIDs and base64url). */
export const SAFE_ID_PATTERN = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9_-]{1,64}$/;

export function isSafeKey(key: string): boolean {
  return !FORBIDDEN_KEYS.has(key);
}

export function isSafeId(key: string): boolean {
  return SAFE_ID_PATTERN.test(key);
}

/** Deeper than this is not something our documents hold; refusing it bounds the walk. */
const MAX_DEPTH = 16;

/** Returned for anything that is not plain data (see `readPlain`). */
export const NOT_PLAIN: unique symbol = Symbol('not plain data');

/**
 * `value` as plain data: Y.Map and plain objects become prototype-less objects, Y.Array and arrays
 * arrays; strings, finite numbers, booleans and null stay. Anything else — other Yjs types (text,
 * XML), binary, bigint, undefined, an object with a borrowed prototype, a forbidden key — is
 * `NOT_PLAIN`, for the caller to refuse.
 */
export function readPlain(value: unknown, depth = 0): PlainValue | typeof NOT_PLAIN {
  if (depth > MAX_DEPTH) return NOT_PLAIN;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_PLAIN;
  if (value instanceof Y.Map) return plainObject(value.entries(), depth);
  if (value instanceof Y.Array) return plainArray(value.toArray(), depth);
  if (value instanceof Y.AbstractType) return NOT_PLAIN;
  if (Array.isArray(value))
    return Object.getPrototypeOf(value) === Array.prototype ? plainArray(value, depth) : NOT_PLAIN;
  if (typeof value !== 'object') return NOT_PLAIN;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN;
  return plainObject(Object.entries(value), depth);
}

function plainObject(entries: Iterable<[string, unknown]>, depth: number): PlainObject | typeof NOT_PLAIN {
  const result: Record<string, PlainValue> = Object.create(null);
  for (const [key, entry] of entries) {
    if (!isSafeKey(key)) return NOT_PLAIN;
    const plain = readPlain(entry, depth + 1);
    if (plain === NOT_PLAIN) return NOT_PLAIN;
    result[key] = plain;
  }
  return result;
}

function plainArray(items: readonly unknown[], depth: number): PlainValue[] | typeof NOT_PLAIN {
  const result: PlainValue[] = [];
  for (const item of items) {
    const plain = readPlain(item, depth + 1);
    if (plain === NOT_PLAIN) return NOT_PLAIN;
    result.push(plain);
  }
  return result;
}

/** The entries of a Y.Map whose keys are safe ids, read as plain data; unsafe keys and values are left out. */
export function* plainEntries(map: Y.Map<unknown>, isKey: (key: string) => boolean = isSafeId) {
  for (const [key, value] of map.entries()) {
    if (!isKey(key)) continue;
    const plain = readPlain(value);
    if (plain !== NOT_PLAIN) yield [key, plain] as const;
  }
}

/** Equality of plain values (key order aside, which Yjs does not keep stable across peers). */
export function samePlain(a: PlainValue | undefined, b: PlainValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => samePlain(item, b[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && samePlain(a[key], (b as PlainObject)[key]));
}

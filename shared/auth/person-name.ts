/**
 * People's display names: what an account is called wherever it shows (members, presence, feedback
 * authors). Unicode NFC, whitespace collapsed, 1–80 characters; control and format characters
 * (NUL, bidi overrides, zero-width joiners and spaces), private-use, unassigned code points and lone
 * surrogates are refused — they let one name pass for another or hide text.
 */
import { z } from 'zod';

export const MAX_PERSON_NAME = 80;

export type PersonNameProblem = 'empty' | 'too-long' | 'invalid-characters';
export type PersonNameCheck = { ok: true; name: string } | { ok: false; problem: PersonNameProblem };

const REFUSED = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

export function checkPersonName(input: string): PersonNameCheck {
  if (!input.isWellFormed()) return { ok: false, problem: 'invalid-characters' };
  const name = input
    .normalize('NFC')
    .replace(/[\t\n\r ]+/g, ' ')
    .trim();
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if (REFUSED.test(name)) return { ok: false, problem: 'invalid-characters' };
  if ([...name].length > MAX_PERSON_NAME) return { ok: false, problem: 'too-long' };
  return { ok: true, name };
}

const problemMessages: Record<PersonNameProblem, string> = {
  empty: 'name is required',
  'too-long': `name is longer than ${MAX_PERSON_NAME} characters`,
  'invalid-characters': 'name has characters that are not allowed (control, invisible or direction characters)',
};

/** A name as it arrives in a request body: normalised, or refused with the problem in the message. */
export const PersonNameSchema = z.string().transform((value, context) => {
  const checked = checkPersonName(value);
  if (checked.ok) return checked.name;
  context.addIssue({ code: 'custom', message: problemMessages[checked.problem], params: { problem: checked.problem } });
  return z.NEVER;
});

export interface NamedPerson {
  id: string;
  name: string;
  guest: boolean;
}

/**
 * How to tell apart people listed together who would otherwise read the same: for each such person
 * a short tag from their id ("#k3F9"), long enough to differ; null for everyone whose name (with
 * the guest mark) is unique in the list.
 */
export function distinguishingTags(people: readonly NamedPerson[]): Map<string, string | null> {
  const groups = new Map<string, NamedPerson[]>();
  for (const person of people) {
    const key = `${person.guest ? 'guest' : 'member'}:${person.name.toLocaleLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  const tags = new Map<string, string | null>();
  for (const group of groups.values()) {
    const ids = [...new Set(group.map((person) => person.id))];
    let length = 4;
    while (length < 64 && new Set(ids.map((id) => id.slice(0, length))).size < ids.length) length += 2;
    for (const person of group) tags.set(person.id, ids.length > 1 ? `#${person.id.slice(0, length)}` : null);
  }
  return tags;
}

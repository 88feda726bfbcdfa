/**
 * How people are named wherever several are listed together: their account name, "(tamu)" for a
 * guest who joined by link, and a short tag from their id when two would otherwise read the same.
 */
import { distinguishingTags, type NamedPerson } from '../../../shared/auth/person-name';
import type { Translate } from '../../../shared/i18n';

export function personLabels(t: Translate, people: readonly NamedPerson[]): Map<string, string> {
  const tags = distinguishingTags(people);
  const labels = new Map<string, string>();
  for (const person of people) {
    const guest = person.guest ? ` (${t('editor.person.guest')})` : '';
    const tag = tags.get(person.id);
    labels.set(person.id, `${person.name}${guest}${tag ? ` ${tag}` : ''}`);
  }
  return labels;
}

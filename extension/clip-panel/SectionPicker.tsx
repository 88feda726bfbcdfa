/** Where in the draft the next clip goes: at the end (the default) or at the end of a chosen section. */
import { useT } from '../components/i18n-context';
import type { DraftSectionsState } from './use-draft-sections';

export function SectionPicker({ sections, chosen, choose }: DraftSectionsState) {
  const t = useT();
  return (
    <div className="dampingi-field">
      <label htmlFor="target-section">{t('clip.sections.label')}</label>
      <select
        id="target-section"
        value={chosen === null ? '' : String(chosen)}
        onChange={(event) => choose(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">{t('clip.sections.end')}</option>
        {sections.map((section) => (
          <option key={section.index} value={String(section.index)}>
            {`${'\u2003'.repeat(Math.max(0, section.level - 1))}${section.text || t('clip.sections.untitled')}`}
          </option>
        ))}
      </select>
    </div>
  );
}

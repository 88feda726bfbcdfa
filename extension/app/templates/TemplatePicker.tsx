/** "Jenis media": one card per template (name, description, where it comes from); the radio is the card's first part. */
import { useId } from 'react';
import type { TemplateInfo } from '../../../shared/protocol/api';
import { useLanguage, useT } from '../../components/i18n';
import type { TemplateListStatus } from './use-template-options';

export function TemplatePicker(props: {
  templates: readonly TemplateInfo[];
  status: TemplateListStatus;
  /** Names of the user's workspaces by id; a template from another one shows a generic label. */
  workspaceNames: ReadonlyMap<string, string>;
  selectedId: string;
  onSelect: (templateId: string) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const baseId = useId();
  const hintId = `${baseId}-hint`;

  const origin = (template: TemplateInfo): string => {
    if (template.workspaceId === null) return t('templates.picker.builtin');
    const workspace = props.workspaceNames.get(template.workspaceId);
    const from = workspace ? t('templates.picker.fromWorkspace', { workspace }) : t('templates.picker.someWorkspace');
    return `${t(`cycle.media.${template.mediaKind}`)} · ${from}`;
  };

  return (
    <fieldset className="template-picker" aria-describedby={hintId}>
      <legend>{t('templates.picker.legend')}</legend>
      <p id={hintId} className="muted template-picker-hint">
        {t('templates.picker.hint')}
      </p>
      <div className="template-options">
        {props.templates.map((template) => {
          const ids = { name: `${baseId}-${template.id}-name`, more: `${baseId}-${template.id}-more` };
          const selected = template.id === props.selectedId;
          return (
            <label key={template.id} className={`template-option${selected ? ' template-option--selected' : ''}`}>
              <input
                type="radio"
                name={`${baseId}-template`}
                value={template.id}
                checked={selected}
                onChange={() => props.onSelect(template.id)}
                aria-labelledby={ids.name}
                aria-describedby={ids.more}
              />
              <span className="template-option-text">
                <span id={ids.name} className="template-option-name">
                  {template.name[language]}
                </span>
                <span id={ids.more} className="template-option-more">
                  <span className="template-option-description">{template.description[language]}</span>{' '}
                  <span
                    className={`template-origin${template.workspaceId === null ? '' : ' template-origin--workspace'}`}
                  >
                    {origin(template)}
                  </span>
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {props.status === 'loading' && (
        <p className="muted" role="status">
          {t('templates.picker.loading')}
        </p>
      )}
      {(props.status === 'offline' || props.status === 'unavailable') && (
        <p className="muted" role="status">
          {t(`templates.picker.${props.status}`)}
        </p>
      )}
    </fieldset>
  );
}

/** Creates a draft on the server from the chosen template, in the UI language, and opens it. */
import { type FormEvent, useId, useState } from 'react';
import { DraftTitleSchema } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';
import { useLanguage, useT } from '../../components/i18n';
import { useWorkspaceNames } from '../overview/use-workspace-names';
import { TemplatePicker } from '../templates/TemplatePicker';
import { DEFAULT_TEMPLATE_ID, useTemplateOptions } from '../templates/use-template-options';

export function CreateDraftForm(props: { api: ApiClient; onCreated: (draftId: string) => void }) {
  const t = useT();
  const [language] = useLanguage();
  const options = useTemplateOptions(props.api);
  const workspaceNames = useWorkspaceNames(props.api);
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiFailureReason | null>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = DraftTitleSchema.safeParse(title);
    if (!parsed.success) {
      setProblem('bad-request');
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await props.api.createDraft({ title: parsed.data, templateId, language });
    setBusy(false);
    if (result.ok) props.onCreated(result.value.id);
    else setProblem(result.reason);
  };

  return (
    <form className="create-draft" onSubmit={submit}>
      <TemplatePicker
        templates={options.templates}
        status={options.status}
        workspaceNames={workspaceNames}
        selectedId={templateId}
        onSelect={setTemplateId}
      />
      <label htmlFor={inputId}>{t('editor.home.newTitle')}</label>
      <div className="inline-form">
        <input
          id={inputId}
          type="text"
          maxLength={200}
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('editor.home.create')}
        </button>
      </div>
      {problem && (
        <p role="alert" className="problem">
          {t(`error.${problem}`)}
        </p>
      )}
    </form>
  );
}

/**
 * Saves the draft's content as a template of one of the owner's workspaces: a name and the
 * workspace, then what the server answered.
 */
import { type FormEvent, useId, useState } from 'react';
import { SaveTemplateRequestSchema, type TemplateInfo, type Workspace } from '../../../shared/protocol/api';
import type { ApiClient, ApiFailureReason } from '../../api/api-client';
import { useLanguage, useT } from '../../components/i18n';
import { ModalDialog } from '../../components/ModalDialog';

const MAX_NAME = SaveTemplateRequestSchema.shape.name.maxLength ?? undefined;

type Outcome =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; template: TemplateInfo; workspace: string }
  | { state: 'failed'; reason: ApiFailureReason }
  | { state: 'no-name' };

export function SaveTemplateDialog(props: {
  api: ApiClient;
  draftId: string;
  title: string;
  workspaces: readonly Workspace[];
  onClose: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const nameId = useId();
  const workspaceId = useId();
  const [name, setName] = useState(props.title);
  const [workspace, setWorkspace] = useState(props.workspaces[0]?.id ?? '');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setOutcome({ state: 'no-name' });
      return;
    }
    setOutcome({ state: 'saving' });
    const result = await props.api.saveTemplate({ draftId: props.draftId, workspaceId: workspace, name: name.trim() });
    const workspaceName = props.workspaces.find((entry) => entry.id === workspace)?.name ?? workspace;
    setOutcome(
      result.ok
        ? { state: 'saved', template: result.value, workspace: workspaceName }
        : { state: 'failed', reason: result.reason },
    );
  };

  return (
    <ModalDialog
      title={t('cycle.template.title')}
      closeLabel={t('cycle.template.close')}
      className="share-dialog template-dialog"
      onClose={props.onClose}
    >
      <p className="muted">{t('cycle.template.hint')}</p>
      <form className="template-form" onSubmit={submit}>
        <label htmlFor={nameId}>{t('cycle.template.name')}</label>
        <input
          id={nameId}
          type="text"
          required
          maxLength={MAX_NAME}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor={workspaceId}>{t('cycle.template.workspace')}</label>
        <select id={workspaceId} value={workspace} onChange={(event) => setWorkspace(event.target.value)}>
          {props.workspaces.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={outcome.state === 'saving'}>
          {t(outcome.state === 'saving' ? 'cycle.template.saving' : 'cycle.template.save')}
        </button>
      </form>
      <p role="status" className="muted">
        {outcome.state === 'saved' &&
          t('cycle.template.saved', { name: outcome.template.name[language], workspace: outcome.workspace })}
      </p>
      {outcome.state === 'failed' && (
        <p role="alert" className="problem">
          {t('cycle.template.failed', { reason: t(`error.${outcome.reason}`) })}
        </p>
      )}
      {outcome.state === 'no-name' && (
        <p role="alert" className="problem">
          {t('cycle.template.nameRequired')}
        </p>
      )}
    </ModalDialog>
  );
}

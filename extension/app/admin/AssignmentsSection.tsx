/** The admin page's mentoring: which mentor accompanies which teacher; pairs added and removed. */
import { type FormEvent, useCallback, useId, useState } from 'react';
import type { AdminUser } from '../../../shared/protocol/admin-api';
import type { AdminClient } from '../../api/admin-client';
import { useT } from '../../components/i18n';
import { ActionOutcomeNote } from '../common/ActionOutcomeNote';
import { LoadState } from '../common/LoadState';
import { useActions, useLoaded } from '../common/use-loaded';

export function AssignmentsSection(props: { admin: AdminClient; users: AdminUser[] }) {
  const t = useT();
  const { admin } = props;
  const loadAssignments = useCallback(() => admin.assignments(), [admin]);
  const assignments = useLoaded(loadAssignments);
  const actions = useActions((reason) => `${t('admin.actionFailed')} ${t(`error.${reason}`)}`);
  const [mentorId, setMentorId] = useState('');
  const [teacherId, setTeacherId] = useState('');
  const [mentorField, teacherField] = [useId(), useId()];
  // Guests cannot be paired (the server refuses); suspended people are left out of new pairs.
  const people = props.users.filter((user) => !user.guest && !user.suspendedAt);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await actions.run(
      () => admin.addAssignment(mentorId, teacherId),
      (pair) => t('admin.assignments.added', { mentor: pair.mentorName, teacher: pair.teacherName }),
      (reason) => (reason === 'bad-request' && mentorId === teacherId ? t('admin.assignments.same') : null),
    );
    if (added) {
      setMentorId('');
      setTeacherId('');
    }
    await assignments.reload();
  };
  const remove = async (pair: { mentorId: string; mentorName: string; teacherId: string; teacherName: string }) => {
    await actions.run(
      () => admin.removeAssignment(pair.mentorId, pair.teacherId),
      () => t('admin.assignments.removed', { mentor: pair.mentorName, teacher: pair.teacherName }),
    );
    await assignments.reload();
  };

  const choices = (id: string, label: string, value: string, onChange: (value: string) => void) => (
    <span>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('admin.assignments.choose')}</option>
        {people.map((user) => (
          <option key={user.id} value={user.id}>
            {user.email ? `${user.name} (${user.email})` : user.name}
          </option>
        ))}
      </select>
    </span>
  );

  return (
    <section className="admin-section" aria-labelledby="admin-assignments">
      <h2 id="admin-assignments">{t('admin.assignments.heading')}</h2>
      <p className="muted">{t('admin.assignments.hint')}</p>
      <LoadState
        loaded={assignments}
        loadingText={t('admin.loading')}
        failedText={t('admin.loadFailed')}
        retryText={t('admin.retry')}
      >
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('admin.assignments.empty')}</p>
          ) : (
            <ul className="admin-assignments">
              {list.map((pair) => (
                <li key={`${pair.mentorId} ${pair.teacherId}`}>
                  {t('admin.assignments.pair', { mentor: pair.mentorName, teacher: pair.teacherName })}{' '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={actions.busy}
                    aria-label={t('admin.assignments.removeNamed', {
                      mentor: pair.mentorName,
                      teacher: pair.teacherName,
                    })}
                    onClick={() => void remove(pair)}
                  >
                    {t('admin.assignments.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <form className="admin-form admin-form-fields" onSubmit={add}>
        {choices(mentorField, t('admin.assignments.mentor'), mentorId, setMentorId)}
        {choices(teacherField, t('admin.assignments.teacher'), teacherId, setTeacherId)}
        <button type="submit" disabled={actions.busy || mentorId === '' || teacherId === ''}>
          {t('admin.assignments.add')}
        </button>
      </form>
      <ActionOutcomeNote outcome={actions.outcome} />
    </section>
  );
}

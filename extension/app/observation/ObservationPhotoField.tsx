/**
 * The photo of a note: taken with the phone's camera (or chosen), made small in the browser,
 * previewed before saving; a file that is not a usable picture is refused with the reason.
 */
import { type ChangeEvent, useId, useState } from 'react';
import { useT } from '../../components/i18n';
import { type PhotoProblem, photoFromFile } from '../common/photo-file';

export function ObservationPhotoField(props: {
  photo: string | null;
  onChange: (photo: string | null) => void;
  onWorking: (working: boolean) => void;
  win: Window;
}) {
  const t = useT();
  const inputId = useId();
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<PhotoProblem | null>(null);
  const { onChange, onWorking, win } = props;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setProblem(null);
    setWorking(true);
    onWorking(true);
    try {
      const result = await photoFromFile(file, win);
      if (result.ok) onChange(result.dataUrl);
      else setProblem(result.reason);
    } catch (error) {
      // A bug in decoding or drawing: say the photo could not be read, keep the details for support.
      console.error('dampingi: photo could not be prepared', error);
      setProblem('unreadable');
    } finally {
      setWorking(false);
      onWorking(false);
      // The same picture chosen again must still be heard.
      input.value = '';
    }
  };

  return (
    <div className="observation-photo">
      <label htmlFor={inputId} className="observation-photo-pick">
        {t('observation.form.photo')}
      </label>
      <input
        id={inputId}
        type="file"
        accept="image/*"
        capture="environment"
        onChange={(event) => void choose(event)}
        disabled={working}
      />
      {working && (
        <p className="muted" aria-live="polite">
          {t('observation.form.photoWorking')}
        </p>
      )}
      {problem && (
        <p role="alert" className="problem">
          {t(`observation.photo.problem.${problem}`)}
        </p>
      )}
      {props.photo && !working && (
        <div className="observation-photo-preview">
          <img src={props.photo} alt={t('observation.form.photoPreview')} />
          <button type="button" onClick={() => onChange(null)}>
            {t('observation.form.photoRemove')}
          </button>
        </div>
      )}
    </div>
  );
}

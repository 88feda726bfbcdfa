/** What a version is called in the list: its own name, or one made from why it was saved automatically. */
import type { Translate } from '../../../shared/i18n';
import type { VersionInfo } from '../../../shared/versions/version-schema';

export function versionName(version: VersionInfo, all: readonly VersionInfo[], t: Translate): string {
  if (version.name) return version.name;
  if (version.kind === 'stage' && version.toStage) {
    return t('versions.name.stage', { stage: t(`cycle.stage.${version.toStage}`) });
  }
  if (version.kind === 'restore') {
    const restored = all.find((other) => other.id === version.restoredFrom);
    const name = restored && restored.id !== version.id ? versionName(restored, all, t) : t('versions.name.unknown');
    return t('versions.name.restore', { name });
  }
  return t(`versions.kind.${version.kind}`);
}

/** Failures of the versions API as a sentence for the user. */
export function versionFailure(failure: { reason: string; message: string }, t: Translate): string {
  if (failure.reason === 'network') return t('versions.error.network');
  if (failure.reason === 'forbidden') return t('versions.error.forbidden');
  return t('versions.error.other', { message: failure.message });
}

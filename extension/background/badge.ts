/** The toolbar icon shows how many clips wait in the outbox, and the last context-menu failure. */
import type { WxtBrowser } from 'wxt/browser';
import type { Translate } from '../../shared/i18n';

type Action = Pick<WxtBrowser['action'], 'setBadgeText' | 'setTitle' | 'setBadgeBackgroundColor'>;

export async function showWaitingCount(action: Action, count: number, t: Translate): Promise<void> {
  await action.setBadgeBackgroundColor({ color: '#5f6368' });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await action.setTitle({
    title: count > 0 ? t('clip.badge.title', { message: t('clip.outbox.count', { count }) }) : t('app.name'),
  });
}

export async function showFailure(action: Action, message: string, t: Translate): Promise<void> {
  await action.setBadgeBackgroundColor({ color: '#d93025' });
  await action.setBadgeText({ text: '!' });
  await action.setTitle({ title: t('clip.badge.title', { message }) });
}

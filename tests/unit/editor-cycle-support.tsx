/**
 * Rendering the mentoring-cycle parts of the draft page under jsdom on a real feedback Y.Doc,
 * composed as DraftPage composes them (useCycle, cycleRights, the feedback threads), and the DOM
 * helpers the editor-cycle-* tests share.
 */
import { act, type ReactNode } from 'react';
import * as Y from 'yjs';
import { cycleRights } from '../../extension/app/cycle/cycle-rights';
import { FollowUpPlanView } from '../../extension/app/cycle/FollowUpPlanView';
import { ReflectionView } from '../../extension/app/cycle/ReflectionView';
import { StageStepper } from '../../extension/app/cycle/StageStepper';
import { useCycle } from '../../extension/app/cycle/use-cycle';
import { useFeedbackThreads } from '../../extension/app/feedback/use-feedback-threads';
import { I18nProvider } from '../../extension/components/i18n';
import type { Role } from '../../shared/auth/roles';
import { can } from '../../shared/auth/roles';
import type { Language } from '../../shared/i18n';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import type { FeedbackAuthor } from '../../shared/mentoring/threads';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import { container, mount } from './support/editor-harness';

export { button, buttonTexts, click, container, field, typeInto, unmount } from './support/editor-harness';

export const SARI: FeedbackAuthor = { id: 'u-sari', name: 'Bu Sari' };
export const BUDI: FeedbackAuthor = { id: 'u-budi', name: 'Pak Budi' };
export const DRAFT_ID = 'draft-0001';

/** An anchor as the editor makes it; the reflection shows only its quote. */
export function anchorOn(quote: string): Anchor {
  return { start: 'AAE=', end: 'AAI=', quote, prefix: '', suffix: '' };
}

export interface CycleSetup {
  role: Role | null;
  me?: FeedbackAuthor;
  view?: 'stepper' | 'reflect' | 'plan';
  refusal?: WriteRefusal | null;
  search?: string;
  language?: Language;
}

export const confirm = { answer: true, asked: [] as string[] };

function CyclePage(props: CycleSetup & { doc: Y.Doc; win: Window }) {
  const { doc, role, refusal = null } = props;
  const me = props.me ?? SARI;
  const cycle = useCycle(doc);
  const threads = useFeedbackThreads(doc);
  const rights = cycleRights(role, refusal, cycle.stage);
  const viewProps = {
    draftId: DRAFT_ID,
    doc,
    threads,
    cycle,
    canWrite: rights.plan && (role === null || can(role, 'edit-content')),
    author: me,
    refusal,
    win: props.win,
  };
  return (
    <>
      <StageStepper cycle={cycle} doc={doc} rights={rights} author={me} refusal={refusal} />
      {props.view === 'reflect' && <ReflectionView {...viewProps} />}
      {props.view === 'plan' && <FollowUpPlanView {...viewProps} />}
    </>
  );
}

/** The stepper (and a view) for `role` on `doc`; re-rendering with other props keeps the same doc. */
export async function renderCycle(setup: CycleSetup, doc = new Y.Doc()) {
  const win = {
    document,
    location: { search: setup.search ?? `?draft=${DRAFT_ID}` },
    confirm: (message: string) => {
      confirm.asked.push(message);
      return confirm.answer;
    },
  } as unknown as Window;
  const page = (next: CycleSetup): ReactNode => (
    <I18nProvider language={next.language ?? 'id'} onLanguageChange={() => {}}>
      <CyclePage {...next} doc={doc} win={win} />
    </I18nProvider>
  );
  await mount(page(setup));
  return {
    doc,
    rerender: async (next: CycleSetup) => {
      await mount(page(next));
    },
  };
}

export async function leave(element: HTMLElement) {
  await act(async () => {
    element.focus();
    element.blur();
  });
}

/** A change made in another browser arriving through the server. */
export async function remotely(run: () => void) {
  await act(async () => run());
}

export const articleNamed = (name: string, scope: ParentNode = container) =>
  [...scope.querySelectorAll('article')].find(
    (article) => document.getElementById(article.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  );

export const regionNamed = (name: string) =>
  [...container.querySelectorAll('section[aria-labelledby]')].find(
    (section) => document.getElementById(section.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  ) as HTMLElement | undefined;

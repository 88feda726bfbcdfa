/**
 * Rendering the mentoring-cycle parts of the draft page under jsdom on a real feedback Y.Doc,
 * composed as EditorPage composes them (useCycle, cycleRights, the feedback threads), and the DOM
 * helpers the editor-cycle-* tests share.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import * as Y from 'yjs';
import { I18nProvider } from '../../extension/components/i18n';
import { FollowUpPlanView } from '../../extension/editor/components/cycle/FollowUpPlanView';
import { ReflectionView } from '../../extension/editor/components/cycle/ReflectionView';
import { StageStepper } from '../../extension/editor/components/cycle/StageStepper';
import { cycleRights } from '../../extension/editor/cycle/cycle-rights';
import { useCycle } from '../../extension/editor/cycle/use-cycle';
import { useFeedbackThreads } from '../../extension/editor/feedback/use-feedback-threads';
import type { Role } from '../../shared/auth/roles';
import { can } from '../../shared/auth/roles';
import type { FeedbackAuthor } from '../../shared/feedback/feedback-doc';
import type { Anchor } from '../../shared/feedback/feedback-schema';
import type { Language } from '../../shared/i18n';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const SARI: FeedbackAuthor = { id: 'u-sari', name: 'Bu Sari' };
export const BUDI: FeedbackAuthor = { id: 'u-budi', name: 'Pak Budi' };
export const DRAFT_ID = 'draft-0001';

/** An anchor as the editor makes it; the reflection shows only its quote. */
export function anchorOn(quote: string): Anchor {
  return { start: 'AAE=', end: 'AAI=', quote, prefix: '', suffix: '' };
}

let root: Root | undefined;
export let container: HTMLElement;

export function unmount() {
  act(() => root?.unmount());
  root = undefined;
  container?.remove();
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
  if (!root) {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  }
  await act(async () => root?.render(page(setup)));
  return {
    doc,
    rerender: async (next: CycleSetup) => act(async () => root?.render(page(next))),
  };
}

export const buttonTexts = (scope: ParentNode = container) =>
  [...scope.querySelectorAll('button')].map((button) => button.textContent?.trim());

export function button(name: string, scope: ParentNode = container): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}" in ${buttonTexts(scope).join(', ')}`);
  return found;
}

export function field<T extends HTMLElement>(label: string, scope: ParentNode = container): T {
  const labels = [...scope.querySelectorAll('label')].filter((candidate) => candidate.textContent?.trim() === label);
  if (labels.length !== 1) throw new Error(`${labels.length} fields labelled "${label}"`);
  const found = labels[0]?.htmlFor ? document.getElementById(labels[0].htmlFor) : labels[0]?.querySelector('input');
  if (!found) throw new Error(`no field labelled "${label}"`);
  return found as T;
}

export async function click(element: HTMLElement) {
  await act(async () => element.click());
}

/** Types into a React-controlled field, as a keystroke would. */
export async function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
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

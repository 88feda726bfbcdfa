// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { REFERENCES_DEBOUNCE_MS, ReferenceList } from '../../extension/app/references/ReferenceList';
import { I18nProvider } from '../../extension/components/i18n';
import type { Language } from '../../shared/i18n';
import { type Clip, ClipSchema } from '../../shared/model/clip';
import { appendClip, draftFragment } from '../../shared/model/draft-doc';
import { container, mount, unmount } from './support/editor-harness';

const PAGE = 'https://ruangguru.example/artikel/pecahan-senilai';
const ENTRY =
  'Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai';

function makeClip(source: Partial<Clip['source']> = {}): Clip {
  return ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId: 'draft-0001',
    kind: 'article',
    source: {
      title: 'Mengenal Pecahan Senilai Lewat Kue Lapis',
      url: PAGE,
      siteName: 'Ruang Guru Kita',
      author: 'Dewi Lestari',
      publishedAt: '2025-09-02T08:00:00+08:00',
      capturedAt: '2026-11-23T08:00:00.000Z',
      ...source,
    },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pecahan senilai adalah…' }] }],
  });
}

const writeText = vi.fn(async (_text: string) => {});

async function render(doc: Y.Doc, language: Language = 'id') {
  const win = { document, navigator: { clipboard: { writeText } } } as unknown as Window;
  await mount(
    <I18nProvider language={language} onLanguageChange={() => {}}>
      <ReferenceList doc={doc} win={win} />
    </I18nProvider>,
  );
}

/** Lets the list catch up with the document: it waits for a pause in updates (on the fake clock). */
async function afterPause() {
  await act(() => vi.advanceTimersByTimeAsync(REFERENCES_DEBOUNCE_MS));
}

const section = () => container.querySelector('section.references') as HTMLElement;
const entries = () => [...container.querySelectorAll('.references-list li')].map((li) => li.textContent);
const copyButton = () =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === 'Salin daftar pustaka');

// The debounce is what these tests wait on: its timers run on a fake clock.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(async () => {
  await unmount();
  vi.useRealTimers();
  writeText.mockClear();
});

describe('the reference list under a draft', () => {
  it('an empty draft shows the heading and a hint, and nothing to copy', async () => {
    await render(new Y.Doc());
    expect(section().querySelector('h2')?.textContent).toBe('Daftar Pustaka');
    expect(section().textContent).toContain('Sumber yang Anda klip akan muncul di sini.');
    expect(entries()).toEqual([]);
    expect(copyButton()).toBeUndefined();
  });

  it('a clip added to the draft appears as an APA entry with its title in italics and a link; removed, it is gone', async () => {
    const doc = new Y.Doc();
    await render(doc);
    appendClip(doc, makeClip());
    await afterPause();
    expect(entries()).toEqual([ENTRY]);
    const item = section().querySelector('li') as HTMLElement;
    expect(item.querySelector('i')?.textContent).toBe('Mengenal Pecahan Senilai Lewat Kue Lapis');
    const link = item.querySelector('a');
    expect(link?.getAttribute('href')).toBe(PAGE);
    expect(link?.getAttribute('rel')).toContain('noopener');

    await act(async () => draftFragment(doc).delete(0, 1));
    await afterPause();
    expect(entries()).toEqual([]);
    expect(section().textContent).toContain('Sumber yang Anda klip akan muncul di sini.');
  });

  it('the same page clipped twice is one entry; another page is a second one, in alphabetical order', async () => {
    const doc = new Y.Doc();
    appendClip(doc, makeClip());
    await render(doc);
    expect(entries()).toEqual([ENTRY]);
    appendClip(doc, makeClip({ url: `${PAGE}/?utm_source=whatsapp` }));
    appendClip(doc, makeClip({ title: 'Ekosistem Sawah', url: 'https://ipa.example/sawah', author: 'Budi Anwar' }));
    await afterPause();
    expect(entries()).toEqual([
      'Anwar, B. (2025, 2 September). Ekosistem Sawah. Ruang Guru Kita. https://ipa.example/sawah',
      ENTRY,
    ]);
  });

  it('the copy button puts the list on the clipboard as plain text and says so', async () => {
    const doc = new Y.Doc();
    appendClip(doc, makeClip());
    appendClip(doc, makeClip({ title: 'Ekosistem Sawah', url: 'https://ipa.example/sawah', author: null }));
    await render(doc);
    await act(async () => copyButton()?.click());
    expect(writeText).toHaveBeenCalledWith(
      `Ekosistem Sawah. (2025, 2 September). Ruang Guru Kita. https://ipa.example/sawah\n${ENTRY}`,
    );
    expect(section().querySelector('[aria-live]')?.textContent).toBe('Daftar pustaka disalin.');
  });

  it('in English: "References", the date in English, and an English hint when empty', async () => {
    const doc = new Y.Doc();
    await render(doc, 'en');
    expect(section().querySelector('h2')?.textContent).toBe('References');
    expect(section().textContent).toContain('The sources you clip will appear here.');
    appendClip(doc, makeClip());
    await afterPause();
    expect(entries()).toEqual([ENTRY.replace('2 September', 'September 2')]);
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toContain('Copy references');
  });

  it('a source address that is not http(s) is never a link', async () => {
    const doc = new Y.Doc();
    appendClip(doc, makeClip());
    // A document edited by someone else may carry anything in its attributes.
    (draftFragment(doc).get(0) as Y.XmlElement).setAttribute('sourceUrl', 'javascript:alert(1)');
    await render(doc);
    expect(section().querySelector('a')).toBeNull();
    expect(entries()).toEqual([
      'Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita.',
    ]);
  });
});

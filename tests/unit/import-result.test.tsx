// @vitest-environment jsdom
/**
 * What the import result says and what the new draft holds beyond the file: Word's technical
 * names (styles such as "H&M Normal0", elements such as "v:stroke") wait behind "Rincian teknis"
 * instead of standing in the sentence; and an imported draft opens, like any new draft, with the
 * teacher-only "Analisis kebutuhan" section — unless the document brings its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NotKeptList } from '../../extension/app/import/NotKeptList';
import { hasNeedsAnalysis, withNeedsAnalysis } from '../../extension/app/import/needs-analysis-section';
import { I18nProvider } from '../../extension/components/i18n';
import type { NodeJson } from '../../shared/model/clip';
import { container, mount, unmount } from './support/editor-harness';

afterEach(unmount);

const heading = (level: number, text: string, audience?: string): NodeJson => ({
  type: 'heading',
  attrs: { level, ...(audience ? { audience } : {}) },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string): NodeJson => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('the list of what cannot be kept', () => {
  it('says each loss in plain words; technical names only inside a closed "Rincian teknis"', async () => {
    await mount(
      <I18nProvider language="id" onLanguageChange={() => {}}>
        <NotKeptList
          items={[
            { kind: 'word-style', count: 2, details: ['H&M Normal0', 'Heading7'] },
            { kind: 'unknown-element', count: 3, details: ['v:stroke', 'v:formulas'] },
            { kind: 'text-colour', count: 1, details: [] },
          ]}
        />
      </I18nProvider>,
    );
    const items = [...container.querySelectorAll('li')];
    expect(items).toHaveLength(3);
    for (const item of items.slice(0, 2)) {
      const details = item.querySelector('details');
      expect(details?.open).toBe(false);
      expect(details?.querySelector('summary')?.textContent).toBe('Rincian teknis');
      // The sentence itself (all but the closed details) holds no technical name.
      const sentence = [...item.childNodes].filter((node) => node !== details).map((node) => node.textContent);
      expect(sentence.join('')).not.toMatch(/v:|Normal0|Heading7/);
    }
    expect(items[0]?.querySelector('details')?.textContent).toContain('H&M Normal0, Heading7');
    expect(items[2]?.querySelector('details')).toBeNull();
  });
});

describe('an imported draft and its needs analysis', () => {
  const document = [heading(1, 'RPP Fotosintesis'), paragraph('Tujuan: siswa memahami fotosintesis.')];

  it('opens with the teacher-only "Analisis kebutuhan" section of the templates, then the document', () => {
    const content = withNeedsAnalysis(document, 'id');
    expect(content[0]).toMatchObject({ type: 'heading', attrs: { level: 1, audience: 'teacher' } });
    expect(content[0]?.content?.[0]?.text).toBe('Analisis kebutuhan');
    const headings = content
      .filter((node) => node.type === 'heading')
      .map((node) => `${node.attrs?.level}:${node.content?.[0]?.text}`);
    expect(headings).toEqual([
      '1:Analisis kebutuhan',
      '2:Peserta didik dan kebutuhannya',
      '2:Tujuan pembelajaran',
      '2:Batasan',
      '2:Prinsip pembelajaran mendalam',
      '1:RPP Fotosintesis',
    ]);
    expect(content.slice(-2)).toEqual(document);
    expect(withNeedsAnalysis(document, 'en')[0]?.content?.[0]?.text).toBe('Needs analysis');
  });

  it('a document with its own needs analysis is left as it is', () => {
    const own = [heading(1, 'Analisis kebutuhan'), paragraph('Kelas 7B, 32 siswa.'), ...document];
    expect(hasNeedsAnalysis(own)).toBe(true);
    expect(withNeedsAnalysis(own, 'id')).toEqual(own);
    expect(hasNeedsAnalysis(document)).toBe(false);
  });
});

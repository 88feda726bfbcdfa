import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Language } from '../../shared/i18n';
import { draftPlainText } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import { builtinTemplate, builtinTemplates } from '../../shared/templates/builtin-templates';
import { checkDocumentJson, templateUpdate } from '../../shared/templates/template-content';
import { type DocumentJson, TemplateSchema } from '../../shared/templates/template-schema';

const languages: Language[] = ['id', 'en'];

const principles: Record<Language, string[]> = {
  id: ['bermakna', 'berkesadaran', 'menggembirakan'],
  en: ['meaningful', 'mindful', 'joyful'],
};
const needsAnalysisHeading: Record<Language, string> = { id: 'Analisis kebutuhan', en: 'Needs analysis' };

function toNode(json: DocumentJson): ProseMirrorNode {
  return draftSchema().nodeFromJSON(json);
}

/** The document's outline without its words: node types, heading levels, marks. */
function shape(node: ProseMirrorNode): unknown {
  if (node.isText) return { marks: node.marks.map((mark) => mark.type.name) };
  const children: unknown[] = [];
  node.forEach((child) => {
    children.push(shape(child));
  });
  return { type: node.type.name, level: node.attrs.level, children };
}

function text(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, '\n', '\n');
}

function headings(node: ProseMirrorNode): string[] {
  const found: string[] = [];
  node.descendants((child) => {
    if (child.type.name === 'heading') found.push(child.textContent);
  });
  return found;
}

describe('built-in templates', () => {
  it('are offered in the order modul ajar, LKPD, bahan bacaan, presentasi, blank', () => {
    expect(builtinTemplates.map((template) => template.id)).toEqual([
      'builtin-modul-ajar',
      'builtin-lkpd',
      'builtin-bahan-bacaan',
      'builtin-presentasi',
      'builtin-blank',
    ]);
    expect(builtinTemplates.map((template) => template.mediaKind)).toEqual([
      'modul-ajar',
      'lkpd',
      'bahan-bacaan',
      'presentasi',
      'blank',
    ]);
    expect(builtinTemplate('builtin-lkpd')?.name.id).toBe('LKPD');
    expect(builtinTemplate('builtin-nothing')).toBeNull();
  });

  for (const template of builtinTemplates) {
    describe(template.id, () => {
      it('parses as a template and both languages are valid draft documents', () => {
        expect(TemplateSchema.safeParse(template).success).toBe(true);
        for (const language of languages) {
          expect(() => checkDocumentJson(template.content[language])).not.toThrow();
          expect(template.name[language].length).toBeGreaterThan(0);
          expect(template.description[language].length).toBeGreaterThan(0);
        }
      });

      it('has the same structure in Bahasa Indonesia and English, but different words', () => {
        const id = toNode(template.content.id);
        const en = toNode(template.content.en);
        expect(shape(en)).toEqual(shape(id));
        expect(text(en)).not.toBe(text(id));
      });

      it('stays small enough to read (under ~150 nodes)', () => {
        let count = 0;
        toNode(template.content.id).descendants(() => {
          count++;
        });
        expect(count).toBeLessThanOrEqual(150);
      });

      for (const language of languages) {
        it(`opens with the needs analysis and asks about each principle (${language})`, () => {
          const doc = toNode(template.content[language]);
          expect(doc.firstChild?.type.name).toBe('heading');
          expect(doc.firstChild?.textContent).toBe(needsAnalysisHeading[language]);
          const lower = text(doc).toLowerCase();
          for (const principle of principles[language]) expect(lower).toContain(principle);
          // Each principle has its own prompt: a paragraph naming it, followed by an empty one to write in.
          for (const principle of principles[language]) {
            const index = doc.content.content.findIndex(
              (block) => block.type.name === 'paragraph' && block.textContent.toLowerCase().startsWith(principle),
            );
            expect(index, `prompt for ${principle}`).toBeGreaterThan(0);
            expect(doc.child(index + 1).type.name).toBe('paragraph');
            expect(doc.child(index + 1).content.size).toBe(0);
          }
        });

        it(`fills a new draft with its text (${language})`, () => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, templateUpdate(template, language));
          const plain = draftPlainText(doc);
          expect(plain).toBe(text(toNode(template.content[language])));
          expect(plain).toContain(needsAnalysisHeading[language]);
          doc.destroy();
        });
      }
    });
  }

  it('each kind of media has its own sections', () => {
    const sections = (id: string) => headings(toNode(builtinTemplate(id)!.content.id));
    expect(sections('builtin-modul-ajar')).toEqual(
      expect.arrayContaining(['Informasi umum', 'Tujuan pembelajaran', 'Pertanyaan pemantik', 'Asesmen']),
    );
    expect(sections('builtin-modul-ajar').some((heading) => heading.startsWith('Kegiatan inti'))).toBe(true);
    expect(sections('builtin-lkpd')).toEqual(
      expect.arrayContaining(['Identitas', 'Tujuan', 'Petunjuk', 'Kegiatan', 'Refleksi peserta didik']),
    );
    expect(sections('builtin-bahan-bacaan')).toEqual(
      expect.arrayContaining(['Judul bacaan', 'Pengantar', 'Teks bacaan', 'Glosarium', 'Pertanyaan pemahaman']),
    );
    expect(sections('builtin-presentasi').filter((heading) => heading.startsWith('Slide ')).length).toBeGreaterThan(4);
    // The worksheet and the glossary have a table to fill in.
    for (const id of ['builtin-lkpd', 'builtin-bahan-bacaan']) {
      expect(JSON.stringify(builtinTemplate(id)!.content.id)).toContain('"type":"table"');
    }
  });
});

describe('a malformed template', () => {
  const lkpd = builtinTemplate('builtin-lkpd')!;

  it('with a node type the draft does not know is refused and fills nothing', () => {
    const bad = {
      ...lkpd,
      content: { ...lkpd.content, en: { type: 'doc' as const, content: [{ type: 'marquee', content: [] }] } },
    };
    expect(() => checkDocumentJson(bad.content.en)).toThrow();
    expect(() => templateUpdate(TemplateSchema.parse(bad), 'en')).toThrow();
  });

  it('with a paragraph directly in a list is refused', () => {
    const bad: DocumentJson = { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'paragraph' }] }] };
    expect(() => checkDocumentJson(bad)).toThrow();
  });

  it('missing a language, or with a wrong id or media kind, does not parse', () => {
    const { en: _en, ...onlyId } = lkpd.content;
    expect(TemplateSchema.safeParse({ ...lkpd, content: onlyId }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...lkpd, name: { id: 'LKPD' } }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...lkpd, id: 'lkpd' }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...lkpd, mediaKind: 'poster' }).success).toBe(false);
  });
});

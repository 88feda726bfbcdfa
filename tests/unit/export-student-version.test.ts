// @vitest-environment jsdom
/**
 * "Versi peserta didik": an LKPD made from its built-in template, exported as Markdown, HTML and
 * Word, leaves out the needs analysis and the italic prompts and keeps what the students work on;
 * the teacher version keeps everything. Drafts from before the mark: the needs analysis heading
 * is still recognised.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ExportDocument, exportFromDocs } from '../../shared/export/export-document';
import { exportToDocx } from '../../shared/export/to-docx';
import { exportToHtml } from '../../shared/export/to-html';
import { exportToMarkdown } from '../../shared/export/to-markdown';
import type { Language } from '../../shared/i18n';
import type { DraftVersion } from '../../shared/model/audience';
import {
  NEEDS_ANALYSIS_HEADINGS,
  studentVersion,
  teacherOnlyBlocks,
  withoutDefaultAudience,
} from '../../shared/model/audience';
import { draftSchema } from '../../shared/model/draft-extensions';
import { builtinTemplate, builtinTemplates } from '../../shared/templates/builtin-templates';
import { templateUpdate } from '../../shared/templates/template-content';

const TITLE = 'LKPD Pecahan Senilai';

/** What the teacher-only parts say (the needs analysis and the prompts) and what the students need. */
const expected: Record<Language, { teacherOnly: string[]; students: string[] }> = {
  id: {
    teacherOnly: [
      'Analisis kebutuhan',
      'Isi bagian ini sebelum merancang media',
      'Peserta didik dan kebutuhannya',
      'Prinsip pembelajaran mendalam',
      'Menggembirakan',
      'Tulis tugas yang dikerjakan peserta didik',
    ],
    students: [
      'Lembar Kerja Peserta Didik (LKPD)',
      'Identitas',
      'Setelah mengerjakan LKPD ini, kamu dapat:',
      'Baca tujuan dan petunjuk bersama kelompokmu.',
      'Kegiatan',
      'Jawaban atau hasilmu',
      'Refleksi peserta didik',
    ],
  },
  en: {
    teacherOnly: [
      'Needs analysis',
      'Fill in this section before you design the media',
      'Write the task the learners do',
    ],
    students: ['Student worksheet (LKPD)', 'Identity', 'After this worksheet, you can:', 'Your answer or result'],
  },
};

function lkpdDraft(language: Language): Y.Doc {
  const draft = new Y.Doc();
  Y.applyUpdate(draft, templateUpdate(builtinTemplate('builtin-lkpd')!, language));
  return draft;
}

function exportDoc(version: DraftVersion, language: Language = 'id'): ExportDocument {
  return exportFromDocs(lkpdDraft(language), null, {
    title: TITLE,
    language,
    includeFeedback: false,
    includePlan: false,
    version,
  });
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

async function exportedText(format: 'markdown' | 'html' | 'docx', version: DraftVersion, language: Language = 'id') {
  const doc = exportDoc(version, language);
  if (format === 'markdown') return squash((await exportToMarkdown(doc)).markdown.replace(/\\/g, ''));
  if (format === 'html') {
    const html = await exportToHtml(doc);
    return squash(new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '');
  }
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await exportToDocx(doc)) });
  return squash(new DOMParser().parseFromString(`<body>${value}</body>`, 'text/html').body.textContent ?? '');
}

describe('an LKPD from its template, exported as "Versi peserta didik"', () => {
  for (const format of ['markdown', 'html', 'docx'] as const) {
    it(`(${format}) has no needs analysis and no prompts, and keeps the students' parts`, async () => {
      const text = await exportedText(format, 'student');
      for (const part of expected.id.teacherOnly) expect(text).not.toContain(part);
      for (const part of expected.id.students) expect(text).toContain(part);
      expect(text).toContain(TITLE);
    });

    it(`(${format}) as the teacher version keeps the needs analysis, the prompts and the students' parts`, async () => {
      const text = await exportedText(format, 'teacher');
      for (const part of [...expected.id.teacherOnly, ...expected.id.students]) expect(text).toContain(part);
    });
  }

  it('in English too', async () => {
    const text = await exportedText('markdown', 'student', 'en');
    for (const part of expected.en.teacherOnly) expect(text).not.toContain(part);
    for (const part of expected.en.students) expect(text).toContain(part);
  });

  it('starts with the worksheet heading, and the draft itself is not changed', () => {
    const draft = lkpdDraft('id');
    const doc = exportFromDocs(draft, null, {
      title: TITLE,
      language: 'id',
      includeFeedback: false,
      includePlan: false,
      version: 'student',
    });
    expect(doc.content.firstChild?.textContent).toBe('Lembar Kerja Peserta Didik (LKPD)');
    doc.content.check();
    const teacher = exportFromDocs(draft, null, {
      title: TITLE,
      language: 'id',
      includeFeedback: false,
      includePlan: false,
    });
    expect(teacher.content.firstChild?.textContent).toBe('Analisis kebutuhan');
  });
});

describe('teacher-only parts in the template data', () => {
  it('every built-in template marks its needs analysis as teacher-only, in both languages', () => {
    for (const template of builtinTemplates) {
      for (const language of ['id', 'en'] as const) {
        const doc = draftSchema().nodeFromJSON(template.content[language]);
        const first = doc.firstChild!;
        expect(first.attrs.audience, `${template.id} ${language}`).toBe('teacher');
        expect(NEEDS_ANALYSIS_HEADINGS).toContain(first.textContent);
        expect(studentVersion(doc).textContent).not.toContain(first.textContent);
      }
    }
  });

  it('a section ends at the next heading of the same or a higher level; a marked prompt hides only itself', () => {
    const schema = draftSchema();
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, audience: 'teacher' }, content: [{ type: 'text', text: 'Guru' }] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sub guru' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Catatan guru' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Siswa' }] },
        { type: 'paragraph', attrs: { audience: 'teacher' }, content: [{ type: 'text', text: 'Petunjuk guru' }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', attrs: { audience: 'teacher' }, content: [{ type: 'text', text: 'Isi guru' }] },
              ],
            },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Tugas siswa' }] },
      ],
    });
    expect(teacherOnlyBlocks(doc).map((block) => [block.node.textContent, block.marked])).toEqual([
      ['Guru', true],
      ['Sub guru', false],
      ['Catatan guru', false],
      ['Petunjuk guru', true],
      ['Isi guru', true],
    ]);
    const student = studentVersion(doc);
    student.check();
    expect(student.textBetween(0, student.content.size, '|')).toBe('Siswa||Tugas siswa');
  });

  it('a draft made before the mark: its needs analysis heading is recognised, its italic text is kept', () => {
    const old = draftSchema().nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Analisis kebutuhan' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Kelas IV, 28 siswa' }] },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'LKPD' }] },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Amati gambar', marks: [{ type: 'italic' }] }],
        },
      ],
    });
    const student = studentVersion(old);
    expect(student.textBetween(0, student.content.size, '|')).toBe('LKPD|Amati gambar');
  });
});

describe('a draft saved as a template', () => {
  it('keeps its teacher-only marks and drops the default (empty) ones, so it reads back the same', () => {
    const doc = draftSchema().nodeFromJSON(builtinTemplate('builtin-lkpd')!.content.id);
    const json = doc.toJSON();
    expect(JSON.stringify(json)).toContain('"audience":null');
    const compact = withoutDefaultAudience(json);
    expect(JSON.stringify(compact)).not.toContain('"audience":null');
    expect(draftSchema().nodeFromJSON(compact).eq(doc)).toBe(true);
  });
});

/**
 * The reference list of a draft, APA 7 style for web pages: one entry per source (clips of the
 * same page, nested additions included, count once), sorted, as text parts the UI can italicise.
 *
 *   Author. (Date). *Title*. Site Name. URL
 *   *Title*. (Date). Site Name. URL            (no author: the title takes its place)
 *
 * No "Retrieved/Diakses" date: APA 7 asks for it only for pages meant to change over time.
 */
import type { Language } from '../i18n';
import type { ClipInDraft } from '../model/draft-doc';
import { citationUrl, sourceKey } from '../model/source-url';
import { apaAuthor, sameName } from './apa-author';
import { compareDates, formatApaDate, type PublicationDate, parsePublicationDate } from './apa-date';

export interface ReferenceSegment {
  text: string;
  italic: boolean;
}

export interface ReferenceEntry {
  /** The source's key: stable across edits, unique in the list. */
  key: string;
  /** Everything before the URL. */
  segments: ReferenceSegment[];
  /** The http(s) address to print and link; null when the source has none. */
  url: string | null;
  /** The clips that cite this source, in document order. */
  clipIds: string[];
}

/** Bracketed descriptions APA adds after the title of what is not a text, by clip kind. */
const DESCRIPTIONS: Record<Language, Partial<Record<string, string>>> = {
  id: { video: '[Video]', image: '[Gambar]' },
  en: { video: '[Video]', image: '[Image]' },
};
const UNTITLED: Record<Language, string> = { id: '[Tanpa judul]', en: '[Untitled]' };

interface Source {
  key: string;
  clipIds: string[];
  url: string | null;
  title: string | null;
  author: string | null;
  site: string | null;
  date: PublicationDate | null;
  kind: string | null;
}

function firstOf(clips: ClipInDraft[], pick: (clip: ClipInDraft) => string | null): string | null {
  for (const clip of clips) {
    const value = pick(clip)?.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return null;
}

/** Clips grouped by the page they came from, in order of first appearance. */
function sourcesOf(clips: readonly ClipInDraft[]): Source[] {
  const groups = new Map<string, ClipInDraft[]>();
  for (const clip of clips) {
    const url = clip.sourceUrl.trim();
    const title = clip.sourceTitle.trim();
    const key = sourceKey(url) ?? (url ? `url:${url}` : title ? `title:${title}` : null);
    if (!key) continue; // nothing to cite
    groups.set(key, [...(groups.get(key) ?? []), clip]);
  }
  return [...groups].map(([key, group]) => {
    // A later clip of the page may know what the first one did not (an author, a date).
    const byline = firstOf(group, (clip) => clip.author);
    const site = firstOf(group, (clip) => clip.siteName);
    const kinds = new Set(group.map((clip) => clip.kind));
    return {
      key,
      clipIds: group.map((clip) => clip.clipId),
      url: firstOf(group, (clip) => citationUrl(clip.sourceUrl)),
      title: firstOf(group, (clip) => clip.sourceTitle),
      author: apaAuthor(byline, site),
      // APA: a site named like its author is not repeated.
      site: site && !sameName(byline, site) ? site : null,
      date: parsePublicationDate(firstOf(group, (clip) => clip.publishedAt)),
      kind: kinds.size === 1 ? [...kinds][0]! : null,
    };
  });
}

/** The first element a reader looks up: the author, or the title in its place. */
function sortText(source: Source): string {
  const first = source.author ?? source.title ?? '';
  return first.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^(?:the|a|an)\s+/i, '');
}

function sortSources(sources: Source[], language: Language): Source[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  return [...sources].sort(
    (a, b) =>
      collator.compare(sortText(a), sortText(b)) ||
      compareDates(a.date, b.date) ||
      collator.compare(a.title ?? '', b.title ?? ''),
  );
}

/** "2024a", "2024b": works of the same author in the same year, in list order. */
function yearSuffixes(sources: Source[]): Map<Source, string> {
  const suffixes = new Map<Source, string>();
  const byAuthorYear = new Map<string, Source[]>();
  for (const source of sources) {
    if (!source.author) continue;
    const id = `${source.author}\n${source.date?.year ?? ''}`;
    byAuthorYear.set(id, [...(byAuthorYear.get(id) ?? []), source]);
  }
  for (const same of byAuthorYear.values()) {
    if (same.length < 2) continue;
    same.forEach((source, index) => {
      suffixes.set(source, String.fromCharCode(97 + (index % 26)));
    });
  }
  return suffixes;
}

/** The period closing an element, unless it already ends a sentence ("Santoso, B.", "Apa itu pecahan?"). */
function period(text: string): string {
  return /[.?!]$/.test(text) ? '' : '.';
}

function segmentsOf(source: Source, language: Language, suffix: string): ReferenceSegment[] {
  const description = source.kind ? DESCRIPTIONS[language][source.kind] : undefined;
  // The title is italic; a bracketed description (or a missing title) is not.
  const title: ReferenceSegment[] = source.title
    ? [
        { text: source.title, italic: true },
        { text: description ? ` ${description}.` : period(source.title), italic: false },
      ]
    : [{ text: `${UNTITLED[language]}${description ? ` ${description}` : ''}.`, italic: false }];
  const date = `(${formatApaDate(source.date, language, suffix)}).`;
  const site = source.site ? ` ${source.site}${period(source.site)}` : '';
  const parts = source.author
    ? [
        { text: `${source.author}${period(source.author)} ${date} `, italic: false },
        ...title,
        { text: site, italic: false },
      ]
    : [...title, { text: ` ${date}${site}`, italic: false }];
  return mergePlain(parts);
}

/** Neighbouring plain parts as one, and no empty parts: simpler markup, simpler tests. */
function mergePlain(parts: ReferenceSegment[]): ReferenceSegment[] {
  const merged: ReferenceSegment[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = merged[merged.length - 1];
    if (last && !last.italic && !part.italic) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** The reference list of the clips in a draft (as `clipsInDraft` returns them), in APA order. */
export function apaReferences(clips: readonly ClipInDraft[], language: Language): ReferenceEntry[] {
  const sources = sortSources(sourcesOf(clips), language);
  const suffixes = yearSuffixes(sources);
  return sources.map((source) => ({
    key: source.key,
    segments: segmentsOf(source, language, suffixes.get(source) ?? ''),
    url: source.url,
    clipIds: source.clipIds,
  }));
}

/** One entry as plain text, the way it is pasted into a lesson plan (italics are lost). */
export function referenceText(entry: ReferenceEntry): string {
  const text = entry.segments.map((segment) => segment.text).join('');
  return entry.url ? `${text} ${entry.url}` : text;
}

/** The whole list as plain text, one entry per line. */
export function toPlainText(entries: readonly ReferenceEntry[]): string {
  return entries.map(referenceText).join('\n');
}

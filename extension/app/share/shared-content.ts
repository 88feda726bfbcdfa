/**
 * What a share holds, read from the form a share sheet filled: apps disagree on the fields (many
 * put the link inside `text`, some repeat the title there), so the link, the text and the title are
 * sorted out here, and what the share becomes follows from them.
 */

export interface SharedContent {
  /** The page the share names (http or https only). */
  url: string | null;
  /** Text beyond the link and the title: what the person wants to keep as a text clip. */
  text: string | null;
  title: string | null;
}

/**
 * - `picture`: one or more pictures (the text, if any, is their caption);
 * - `text`: text to keep, with the link as its source when one came;
 * - `page`: only a link: the server fetches the page into the same card the extension makes;
 * - `empty`: nothing that can be kept.
 */
export type ShareKind = 'picture' | 'text' | 'page' | 'empty';

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/i;
/** Punctuation that closes a sentence around a link is not part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’]+$/;
const MAX_TITLE = 1000;

export function readSharedContent(form: { title: string; text: string; url: string }): SharedContent {
  const title = oneLine(form.title).slice(0, MAX_TITLE) || null;
  let url = httpUrl(form.url.trim());
  let text = form.text.replace(/\r\n?/g, '\n').trim();
  const inText = URL_IN_TEXT.exec(text);
  if (inText) {
    const found = httpUrl(inText[0].replace(TRAILING_PUNCTUATION, ''));
    // The link in the text is the share's link when no other came, or the same one repeated.
    if (found && (url === null || sameAddress(found, url))) {
      url ??= found;
      text = (text.slice(0, inText.index) + text.slice(inText.index + inText[0].length)).trim();
    }
  }
  // Quotes some apps wrap a highlighted passage in, and a text that only repeats the title, add nothing.
  text = text.replace(/^["“]([\s\S]*)["”]$/, '$1').trim();
  const kept = text === '' || (title !== null && oneLine(text) === title) ? null : text;
  return { url, text: kept, title };
}

export function shareKind(content: SharedContent, pictures: number): ShareKind {
  if (pictures > 0) return 'picture';
  if (content.text !== null) return 'text';
  return content.url !== null ? 'page' : 'empty';
}

/** The text as paragraphs: blank lines part paragraphs, single line breaks stay inside one. */
export function textParagraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()))
    .filter((lines) => lines.some((line) => line !== ''));
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function httpUrl(value: string): string | null {
  if (value === '' || value.length > 4096) return null;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function sameAddress(a: string, b: string): boolean {
  return a.replace(/#.*$/, '') === b.replace(/#.*$/, '');
}

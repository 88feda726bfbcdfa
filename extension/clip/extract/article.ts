// Extracts a page's main content as clean HTML and plain text: Readability's pick, or the page's body when that is
// doubtful and the body holds more prose once its furniture is removed.
import { Readability } from '@mozilla/readability';
import { z } from 'zod';
import { removeFurnitureByName, removeTrailingLinkLists } from './boilerplate';
import { mainProseContainer, proseLength } from './candidate-shape';
import { editLog } from './edit-log';
import { elementsByTag, elementsUnder } from './elements-under';
import { type PageIdentity, removeFurnitureBlocks } from './furniture-blocks';
import { leadBlock, leadStart, pageDescription } from './lead-paragraph';
import { plainTextOf } from './plain-text';
import { withCheaperTests } from './readability-cheaper-tests';
import { withLighterCleaning } from './readability-clean-conditionally';
import { withLazyRetryCopy } from './readability-lazy-retry';
import { withLighterNoscriptImages } from './readability-noscript-images';
import { withTagLists } from './readability-tag-lists';

export const articleSchema = z.object({
  html: z.string(),
  text: z.string(),
  /** Which extractor's output was kept: useful when judging quality. */
  extractor: z.enum(['readability', 'body']),
});
export type ExtractedArticle = z.infer<typeof articleSchema>;

/** Below this many characters Readability's pick is doubted and compared with the body's prose. */
const DOUBTFUL_LENGTH = 500;
/**
 * Below this many characters Readability's pick is still compared with the densest prose of the page's body, which
 * must then hold this many times the pick's prose to replace it.
 */
const SHORT_LENGTH = 1500;
const SHORT_PICK_PROSE_FACTOR = 3;
/**
 * Readability tries again with its rules relaxed while its pick is shorter than this; each try re-parses the
 * page. A low bar keeps a short article on the first try — the body comparison below catches a wrong one.
 */
const READABILITY_CHAR_THRESHOLD = 200;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const STRIPPED_FROM_BODY = new Set([...NOT_TEXT, 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'IFRAME', 'SVG']);

interface Candidate {
  extractor: ExtractedArticle['extractor'];
  root: Element;
  text: string;
}

function candidate(extractor: Candidate['extractor'], root: Element): Candidate {
  return { extractor, root, text: plainTextOf(root) };
}

/** Readability takes apart the document it is given: it gets the page itself only when the caller allows it. */
interface PageSource {
  forReadability(): Document;
  /** A throwaway copy of the page as it was. */
  copy(): Document;
  /** The page as it was, and whether its body's children may be moved out rather than copied. */
  intact(): IntactPage;
}

interface IntactPage {
  doc: Document;
  ours: boolean;
}

function pageSource(doc: Document, consume: ExtractArticleOptions['consume']): PageSource {
  if (!consume) {
    const copy = () => doc.cloneNode(true) as Document;
    return { forReadability: copy, copy, intact: () => ({ doc, ours: false }) };
  }
  return { forReadability: () => doc, copy: consume.reread, intact: () => ({ doc: consume.reread(), ours: true }) };
}

/** Class names are kept through extraction only to find furniture by name; the clip does not need them. */
function stripClasses(root: Element): void {
  for (const element of elementsUnder(root, (element) => element.hasAttribute('class'))) {
    element.removeAttribute('class');
  }
}

function runReadability(source: PageSource): Candidate | null {
  // Removing furniture before Readability scores the page can change its pick, so it is removed afterwards.
  const options = {
    serializer: (node: Node) => node as Element,
    charThreshold: READABILITY_CHAR_THRESHOLD,
    keepClasses: true,
    // The clip's metadata is read apart from Readability (metadata.ts); reading JSON-LD here too is wasted.
    disableJSONLD: true,
  };
  const reader = new Readability<Element>(source.forReadability(), options);
  withCheaperTests(reader);
  withTagLists(reader);
  withLighterCleaning(reader);
  withLighterNoscriptImages(reader);
  withLazyRetryCopy(reader, () => new Readability<Element>(source.copy(), options));
  const parsed = reader.parse();
  return parsed?.content ? candidate('readability', parsed.content) : null;
}

/** The body's content in an inert document of its own: images copied into it are never fetched, even if `doc` is a live page. */
function inertCopyOfBody(doc: Document): Element {
  const container = doc.implementation.createHTMLDocument('').createElement('div');
  if (doc.body) container.append(...[...doc.body.cloneNode(true).childNodes]);
  return container;
}

/**
 * The body's text without navigation: the other candidate, and the last resort, so a page with text is never empty. A
 * re-read page is the caller's throwaway (inert) copy: its body is used in place rather than moved elsewhere.
 */
function bodyFallback({ doc, ours }: IntactPage): Candidate {
  const container = ours && doc.body ? doc.body : inertCopyOfBody(doc);
  // What the page hides is not its text (Readability.js drops it from its own pick the same way).
  const notText = (element: Element) => NOT_TEXT.has(element.tagName.toUpperCase()) || isHidden(element);
  for (const element of elementsUnder(container, notText)) element.remove();
  const removed = elementsByTag(container, STRIPPED_FROM_BODY).map((element) => {
    const place = { element, parent: element.parentNode, next: element.nextSibling };
    element.remove();
    return place;
  });
  // Text only in a header or nav is still the page's text: put it back when nothing else is left.
  if (!container.textContent?.trim()) {
    for (const { element, parent, next } of removed.reverse()) parent?.insertBefore(element, next);
  }
  return candidate('body', container);
}

const HIDING_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(;|$|!)/i;

function isHidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    HIDING_STYLE.test(element.getAttribute('style') ?? '')
  );
}

function safely<T>(run: () => T, onError: (error: unknown) => void): T | null {
  try {
    return run();
  } catch (error) {
    onError(error);
    return null;
  }
}

export interface ExtractArticleOptions {
  /** Told about an extractor that threw; extraction still goes on with the others. */
  onExtractorError?: (extractor: string, error: unknown) => void;
  /**
   * The document is the caller's throwaway copy, so extraction may take it apart instead of copying it first (the
   * copy was a quarter of the time). `reread` gives the page again as it was, asked for only when the page's body
   * must be read too (a short or missing Readability pick).
   */
  consume?: { reread: () => Document };
}

/** A candidate cleaned in place; `undo` brings back the candidate as it was, when clean-up went too far. */
interface Pick {
  chosen: Candidate;
  cleaned: Candidate;
  undo(): void;
}

/** The candidate with its furniture removed; the original's text is kept to judge whether clean-up went too far. */
function cleaned(chosen: Candidate, page: PageIdentity): Pick {
  const edits = editLog();
  removeFurnitureByName(chosen.root, edits);
  removeTrailingLinkLists(chosen.root, edits);
  removeFurnitureBlocks(chosen.root, page, edits);
  return { chosen, cleaned: { ...chosen, text: plainTextOf(chosen.root) }, undo: () => edits.undo() };
}

/** Readability's pick, or the page's body when the pick is missing or short and the body holds more prose. */
function pick(source: PageSource, page: PageIdentity, report: (extractor: string) => (error: unknown) => void): Pick {
  const readability = safely(() => runReadability(source), report('readability'));
  const fromReadability = readability && cleaned(readability, page);
  if (fromReadability && readability.text.length >= SHORT_LENGTH) return fromReadability;
  const body = bodyFallback(source.intact());
  const fromBody = cleaned(body, page);
  if (fromReadability && readability.text.length >= DOUBTFUL_LENGTH) {
    // A short pick beside a page with much more prose in one place: Readability took a notice or a quote.
    const main = mainProseContainer(fromBody.cleaned.root);
    if (proseLength(main) <= SHORT_PICK_PROSE_FACTOR * proseLength(fromReadability.cleaned.root))
      return fromReadability;
    const dense = candidate('body', main);
    return { chosen: dense, cleaned: dense, undo: () => {} };
  }
  // Compared by prose once furniture is gone, not by length: a short article must not lose to a longer
  // list of teasers and a footer, and a cookie notice must not beat the article.
  if (!fromReadability?.cleaned.text) return fromBody;
  return proseLength(fromBody.cleaned.root) > proseLength(fromReadability.cleaned.root) * 1.2
    ? fromBody
    : fromReadability;
}

/** The page's lead as it prints it: read before Readability takes the page apart (it drops "header" blocks). */
interface Lead {
  start: string;
  block: Element;
}

function findLead(doc: Document): Lead | null {
  const description = pageDescription(doc);
  const block = description && leadBlock(doc, description);
  return description && block ? { start: leadStart(description), block: block.cloneNode(true) as Element } : null;
}

/** Puts the article's lead back above Readability's pick when the pick lacks it. */
function withLead(kept: Candidate, lead: Lead | null): Candidate {
  if (kept.extractor !== 'readability' || !lead || kept.text.includes(lead.start)) return kept;
  kept.root.prepend(lead.block);
  return { ...kept, text: `${plainTextOf(lead.block)}\n${kept.text}` };
}

export function extractArticle(doc: Document, url: string, options: ExtractArticleOptions = {}): ExtractedArticle {
  const report = (extractor: string) => (error: unknown) => options.onExtractorError?.(extractor, error);
  const lead = findLead(doc);
  const picked = pick(pageSource(doc, options.consume), { url, title: doc.title }, report);
  const { chosen } = picked;
  // Clean-up must never take the article away.
  const cleanedEnough = picked.cleaned.text.length >= 0.5 * chosen.text.length;
  if (!cleanedEnough) picked.undo();
  const kept = withLead(cleanedEnough ? picked.cleaned : chosen, lead);
  stripClasses(kept.root);
  return { html: kept.root.innerHTML.trim(), text: kept.text, extractor: chosen.extractor };
}

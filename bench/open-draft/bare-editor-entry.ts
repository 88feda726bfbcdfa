/**
 * Browser entry of the bare-Tiptap anchor (bundled by anchor-pages.ts): the draft schema's editor
 * over the inline document, with no Yjs, no sync, no app around it.
 */
import { Editor } from '@tiptap/core';
import { draftExtensions } from '../../shared/model/draft-extensions';

const element = document.getElementById('editor');
const json = document.getElementById('draft-json')?.textContent;
if (!element || !json) throw new Error('bare editor page lacks #editor or #draft-json');
new Editor({ element, extensions: draftExtensions(), content: JSON.parse(json) });

/**
 * What working with template content needs: the built-in templates (JSON), the draft schema and
 * Tiptap's Yjs binding. Imported lazily by the routes (see template-routes.ts) so that a server
 * which only syncs does not carry them (~15 MiB resident).
 */
export { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
export { withoutDefaultAudience } from '../../shared/model/audience';
export { draftFragment } from '../../shared/model/draft-doc';
export { draftSchema } from '../../shared/model/draft-extensions';
export { builtinTemplate, builtinTemplates } from '../../shared/templates/builtin-templates';
export { checkDocumentJson, templateUpdate } from '../../shared/templates/template-content';

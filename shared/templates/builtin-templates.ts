/** The templates every workspace starts with; their content is JSON data in ./builtin. */
import blank from './builtin/blank.json';
import { type Template, TemplateSchema } from './template-schema';

/** In the order the create form offers them. */
export const builtinTemplates: readonly Template[] = [blank].map((json) => TemplateSchema.parse(json));

export function builtinTemplate(id: string): Template | null {
  return builtinTemplates.find((template) => template.id === id) ?? null;
}

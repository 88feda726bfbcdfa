/** The templates every workspace starts with; their content is JSON data in ./builtin. */
import bahanBacaan from './builtin/bahan-bacaan.json';
import blank from './builtin/blank.json';
import lkpd from './builtin/lkpd.json';
import modulAjar from './builtin/modul-ajar.json';
import presentasi from './builtin/presentasi.json';
import { type Template, TemplateSchema } from './template-schema';

/** In the order the create form offers them. */
export const builtinTemplates: readonly Template[] = [modulAjar, lkpd, bahanBacaan, presentasi, blank].map((json) =>
  TemplateSchema.parse(json),
);

export function builtinTemplate(id: string): Template | null {
  return builtinTemplates.find((template) => template.id === id) ?? null;
}

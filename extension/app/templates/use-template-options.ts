/** The templates a new draft can start from: the built-ins at once (known locally, so also offline), then the server's. */
import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../../shared/protocol/api';
import { builtinTemplates } from '../../../shared/templates/builtin-templates';
import type { ApiClient } from '../../api/api-client';

/** What the picker says about the server's list: still asking, got it, or showing built-ins only (and why). */
export type TemplateListStatus = 'loading' | 'ready' | 'offline' | 'unavailable';

export interface TemplateOptions {
  templates: readonly TemplateInfo[];
  status: TemplateListStatus;
}

/** Selected when the form opens: a teacher who only types a title gets the needs analysis and nothing else. */
export const DEFAULT_TEMPLATE_ID = 'builtin-blank';

export const localTemplates: readonly TemplateInfo[] = builtinTemplates.map((template) => ({
  id: template.id,
  mediaKind: template.mediaKind,
  name: template.name,
  description: template.description,
  workspaceId: null,
}));

/** The local built-ins in their order, then whatever the server knows that this build does not. */
export function mergeTemplates(local: readonly TemplateInfo[], server: readonly TemplateInfo[]): TemplateInfo[] {
  const known = new Set(local.map((template) => template.id));
  return [...local, ...server.filter((template) => !known.has(template.id))];
}

export function useTemplateOptions(api: ApiClient): TemplateOptions {
  const [options, setOptions] = useState<TemplateOptions>({ templates: localTemplates, status: 'loading' });

  useEffect(() => {
    let current = true;
    void api.templates().then((result) => {
      if (!current) return;
      if (result.ok) {
        setOptions({ templates: mergeTemplates(localTemplates, result.value), status: 'ready' });
        return;
      }
      // Offline is expected and the picker says so; anything else is worth a line in the console too.
      if (result.reason !== 'network') console.warn('dampingi: could not load templates', result);
      setOptions({ templates: localTemplates, status: result.reason === 'network' ? 'offline' : 'unavailable' });
    });
    return () => {
      current = false;
    };
  }, [api]);

  return options;
}

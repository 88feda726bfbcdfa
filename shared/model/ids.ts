/** What the ids of drafts, users, workspaces and templates look like (random, URL-safe). */
import { z } from 'zod';

export const DraftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid draft id');
export const WorkspaceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'invalid workspace id');
export const UserIdSchema = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'invalid user id');
/** Built-in: `builtin-<kind>`; saved in a workspace: `ws-<random>`. */
export const TemplateIdSchema = z.string().regex(/^(builtin|ws)-[a-z0-9-]{1,64}$/, 'invalid template id');

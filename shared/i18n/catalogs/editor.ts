/** Strings of the editor area. Bahasa Indonesia first; English must have the same keys. */
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};

/** Strings of choosing and saving templates. Bahasa Indonesia first; English must have the same keys. */
export const id = {
  'templates.placeholder': '…',
} as const;

export const en: Record<keyof typeof id, string> = {
  'templates.placeholder': '…',
};

/** Strings of the overview screens. Bahasa Indonesia first; English must have the same keys. */
export const id = {
  'overview.placeholder': '…',
} as const;

export const en: Record<keyof typeof id, string> = {
  'overview.placeholder': '…',
};

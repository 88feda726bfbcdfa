/** Strings of the observation screens. Bahasa Indonesia first; English must have the same keys. */
export const id = {
  'observation.placeholder': '…',
} as const;

export const en: Record<keyof typeof id, string> = {
  'observation.placeholder': '…',
};

/** Strings of the draft's reference list (Daftar Pustaka). Bahasa Indonesia first; English must have the same keys. */
export const id = {
  'editor.references.heading': 'Daftar Pustaka',
  'editor.references.style': 'Disusun otomatis dari sumber klip di draf ini, gaya APA 7.',
  'editor.references.empty': 'Sumber yang Anda klip akan muncul di sini.',
  'editor.references.copy': 'Salin daftar pustaka',
  'editor.references.copied': 'Daftar pustaka disalin.',
  'editor.references.copyFailed': 'Tidak bisa menyalin otomatis; pilih daftar di atas lalu salin.',
} as const;

export const en: Record<keyof typeof id, string> = {
  'editor.references.heading': 'References',
  'editor.references.style': "Built automatically from the sources of this draft's clips, APA 7 style.",
  'editor.references.empty': 'The sources you clip will appear here.',
  'editor.references.copy': 'Copy references',
  'editor.references.copied': 'References copied.',
  'editor.references.copyFailed': 'Could not copy automatically; select the list above and copy it.',
};

/** Strings of choosing and saving templates. Bahasa Indonesia first; English must have the same keys. */
export const id = {
  'templates.picker.legend': 'Jenis media',
  'templates.picker.hint':
    'Draf baru dimulai dari templat ini, dalam bahasa tampilan saat ini. Setiap templat diawali analisis kebutuhan.',
  'templates.picker.builtin': 'Bawaan',
  'templates.picker.fromWorkspace': 'Templat {workspace}',
  'templates.picker.someWorkspace': 'Templat ruang kerja',
  'templates.picker.loading': 'Memuat templat ruang kerja Anda…',
  'templates.picker.offline':
    'Server tidak dapat dihubungi, jadi hanya templat bawaan yang ditampilkan. Templat ruang kerja Anda muncul lagi saat terhubung.',
  'templates.picker.unavailable': 'Templat ruang kerja tidak dapat dimuat; hanya templat bawaan yang ditampilkan.',
} as const;

export const en: Record<keyof typeof id, string> = {
  'templates.picker.legend': 'Kind of media',
  'templates.picker.hint':
    'The new draft starts from this template, in the current display language. Every template opens with the needs analysis.',
  'templates.picker.builtin': 'Built-in',
  'templates.picker.fromWorkspace': '{workspace} template',
  'templates.picker.someWorkspace': 'Workspace template',
  'templates.picker.loading': 'Loading your workspace templates…',
  'templates.picker.offline':
    'The server cannot be reached, so only the built-in templates are shown. Your workspace templates come back once connected.',
  'templates.picker.unavailable': 'Workspace templates could not be loaded; only the built-in templates are shown.',
};

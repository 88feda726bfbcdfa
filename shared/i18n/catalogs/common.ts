/** Strings shared by every screen. Bahasa Indonesia first; English must have the same keys. */
export const id = {
  'app.name': 'Dampingi',
  'language.label': 'Bahasa',
  'language.id': 'Bahasa Indonesia',
  'language.en': 'English',
  'error.unauthorized': 'Token tidak dikenal atau kedaluwarsa. Masuk lagi dengan token Anda.',
  'error.forbidden': 'Anda tidak punya hak untuk ini.',
  'error.not-found': 'Tidak ditemukan.',
  'error.bad-request': 'Permintaan tidak valid.',
  'error.payload-too-large': 'Terlalu besar untuk dikirim.',
  'error.internal': 'Terjadi kesalahan di server. Coba lagi sebentar lagi.',
  'error.network': 'Server tidak dapat dihubungi. Periksa koneksi internet.',
} as const;

export const en: Record<keyof typeof id, string> = {
  'app.name': 'Dampingi',
  'language.label': 'Language',
  'language.id': 'Bahasa Indonesia',
  'language.en': 'English',
  'error.unauthorized': 'Unknown or expired token. Sign in again with your token.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not-found': 'Not found.',
  'error.bad-request': 'Invalid request.',
  'error.payload-too-large': 'Too large to send.',
  'error.internal': 'Something went wrong on the server. Try again shortly.',
  'error.network': 'The server cannot be reached. Check the internet connection.',
};

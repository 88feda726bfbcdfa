/** Connecting the extension to an account: "Hubungkan ekstensi" in the web app, the options page, the signed-out panel. */
export const id = {
  'pairing.connect.button': 'Hubungkan ekstensi',
  'pairing.connect.title': 'Hubungkan ekstensi Dampingi',
  'pairing.connect.close': 'Tutup',
  'pairing.connect.creating': 'Membuat kode penghubung…',
  'pairing.connect.handing': 'Menghubungkan ekstensi…',
  'pairing.connect.connected': 'Ekstensi terhubung sebagai {name}.',
  'pairing.connect.connectedNext':
    'Sekarang Anda bisa mengklip dari halaman web lewat tombol Dampingi di bilah browser.',
  'pairing.connect.noExtension':
    'Ekstensi Dampingi tidak menjawab di browser ini (belum dipasang, dipasang di browser lain, atau alamat servernya belum diisi).',
  'pairing.connect.refused': 'Ekstensi tidak dapat terhubung: {reason}',
  'pairing.connect.failed': 'Kode penghubung tidak dapat dibuat: {reason}',
  'pairing.connect.codeLabel': 'Kode penghubung',
  'pairing.connect.typeCode':
    'Buka pengaturan ekstensi Dampingi, isi alamat server {server}, lalu ketik kode ini di kolom "Kode penghubung atau tautan masuk".',
  'pairing.connect.validFor': 'Kode ini berlaku {minutes} menit (sampai {time}) dan hanya sekali pakai.',
  'pairing.connect.again': 'Buat kode baru',
  'pairing.failure.code-refused':
    'Kode salah, sudah dipakai, atau kedaluwarsa. Buat kode baru di Dampingi web lewat "Hubungkan ekstensi".',
  'pairing.failure.suspended': 'Akun ini sedang ditangguhkan oleh pengelola. Hubungi pengelola sekolah Anda.',
  'pairing.failure.rate-limited': 'Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.',
  'pairing.failure.network': 'Server tidak dapat dihubungi. Periksa alamat server dan koneksi internet.',
  'pairing.failure.server-error': 'Server sedang bermasalah. Coba lagi nanti.',
  'pairing.failure.other-server': 'Ekstensi diatur untuk server lain. Periksa alamat server di pengaturan ekstensi.',
  'pairing.failure.bad-message': 'Ekstensi tidak mengerti permintaan ini. Perbarui ekstensi Dampingi.',
  'pairing.failure.link-refused':
    'Tautan masuk ini sudah dipakai atau kedaluwarsa. Minta tautan baru, atau pilih "Hubungkan ekstensi" di Dampingi web.',
  'pairing.failure.link-needs-browser':
    'Tautan ini untuk akun baru: buka dulu di browser untuk memberi nama akun, lalu pilih "Hubungkan ekstensi".',
  'pairing.failure.token-refused': 'Server tidak mengenal token ini (salah, dicabut, atau kedaluwarsa).',
  'pairing.failure.invalid-server': 'Alamat server tidak valid. Contoh: https://dampingi.sekolah.sch.id',
  'pairing.failure.not-understood':
    'Isian ini bukan kode penghubung (8 huruf dan angka), tautan masuk, atau token. Periksa lagi.',
  'pairing.failure.link-without-secret':
    'Tautan ini tidak berisi kode masuk. Salin tautan lengkap (…?signin=…) dari email atau dari pengelola.',
  'pairing.options.connection': 'Kode penghubung atau tautan masuk',
  'pairing.options.connectionHelp':
    'Di Dampingi web, pilih "Hubungkan ekstensi": biasanya ekstensi langsung terhubung. Jika tidak, ketik di sini kode 8 huruf yang ditampilkan. Tautan masuk (…?signin=…) dari email atau pengelola juga bisa ditempel; alamat server diambil dari tautan itu.',
  'pairing.options.connecting': 'Menghubungkan…',
  'pairing.options.refused': 'Tidak terhubung: {reason}',
  'pairing.options.addressSaved': 'Alamat server disimpan. Buka Dampingi di web lalu pilih "Hubungkan ekstensi".',
  'pairing.options.savedUnverified': 'Token disimpan, tetapi server belum dapat dihubungi untuk memeriksanya.',
  'pairing.panel.signedOut':
    'Ekstensi belum terhubung ke akun Dampingi. Buka Dampingi di web lalu pilih "Hubungkan ekstensi".',
  'pairing.panel.ended':
    'Sesi ekstensi ini sudah berakhir (diakhiri atau kedaluwarsa). Buka Dampingi di web lalu pilih "Hubungkan ekstensi".',
  'pairing.panel.openWeb': 'Buka Dampingi di web',
};

export const en: Record<keyof typeof id, string> = {
  'pairing.connect.button': 'Connect the extension',
  'pairing.connect.title': 'Connect the Dampingi extension',
  'pairing.connect.close': 'Close',
  'pairing.connect.creating': 'Making a pairing code…',
  'pairing.connect.handing': 'Connecting the extension…',
  'pairing.connect.connected': 'The extension is connected as {name}.',
  'pairing.connect.connectedNext': 'You can now clip from web pages with the Dampingi button in the browser toolbar.',
  'pairing.connect.noExtension':
    'The Dampingi extension did not answer in this browser (not installed, installed in another browser, or its server address is not set).',
  'pairing.connect.refused': 'The extension could not connect: {reason}',
  'pairing.connect.failed': 'No pairing code could be made: {reason}',
  'pairing.connect.codeLabel': 'Pairing code',
  'pairing.connect.typeCode':
    'Open the Dampingi extension’s settings, enter the server address {server}, then type this code into "Pairing code or sign-in link".',
  'pairing.connect.validFor': 'This code is valid for {minutes} minutes (until {time}) and works once.',
  'pairing.connect.again': 'Make a new code',
  'pairing.failure.code-refused':
    'Wrong, used or expired code. Make a new one in Dampingi on the web with "Connect the extension".',
  'pairing.failure.suspended': 'This account is suspended by an administrator. Contact your school’s administrator.',
  'pairing.failure.rate-limited': 'Too many attempts. Wait a moment, then try again.',
  'pairing.failure.network': 'The server cannot be reached. Check the server address and the internet connection.',
  'pairing.failure.server-error': 'The server has a problem. Try again later.',
  'pairing.failure.other-server': 'The extension is set to another server. Check the server address in its settings.',
  'pairing.failure.bad-message': 'The extension did not understand this request. Update the Dampingi extension.',
  'pairing.failure.link-refused':
    'This sign-in link was already used or has expired. Ask for a new one, or choose "Connect the extension" in Dampingi on the web.',
  'pairing.failure.link-needs-browser':
    'This link is for a new account: open it in the browser first to name the account, then choose "Connect the extension".',
  'pairing.failure.token-refused': 'The server does not know this token (wrong, revoked or expired).',
  'pairing.failure.invalid-server': 'The server address is not valid. Example: https://dampingi.school.example',
  'pairing.failure.not-understood':
    'This is not a pairing code (8 letters and digits), a sign-in link or a token. Check it again.',
  'pairing.failure.link-without-secret':
    'This link holds no sign-in code. Copy the whole link (…?signin=…) from the email or from your administrator.',
  'pairing.options.connection': 'Pairing code or sign-in link',
  'pairing.options.connectionHelp':
    'In Dampingi on the web, choose "Connect the extension": the extension usually connects by itself. If not, type the 8-character code shown there. A sign-in link (…?signin=…) from an email or your administrator can be pasted too; the server address is taken from it.',
  'pairing.options.connecting': 'Connecting…',
  'pairing.options.refused': 'Not connected: {reason}',
  'pairing.options.addressSaved': 'Server address saved. Open Dampingi on the web and choose "Connect the extension".',
  'pairing.options.savedUnverified': 'Token saved, but the server could not be reached to check it.',
  'pairing.panel.signedOut':
    'The extension is not connected to a Dampingi account. Open Dampingi on the web and choose "Connect the extension".',
  'pairing.panel.ended':
    'This extension’s session has ended (ended or expired). Open Dampingi on the web and choose "Connect the extension".',
  'pairing.panel.openWeb': 'Open Dampingi on the web',
};

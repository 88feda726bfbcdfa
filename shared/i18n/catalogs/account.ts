/** "Akun saya": who I am, where I am signed in, and signing out of every device. Also the share dialog's email invitation. */
export const id = {
  'account.link': 'Akun saya',
  'account.title': 'Akun saya',
  'account.name': 'Nama',
  'account.email': 'Alamat email',
  'account.noEmail': 'Akun ini tidak punya alamat email.',
  'account.admin': 'Anda pengelola Dampingi di server ini.',
  'account.guest':
    'Anda masuk sebagai tamu lewat tautan berbagi. Masuk dengan email atau akun sekolah agar dapat membuka draf dari perangkat lain.',
  'account.extension':
    'Ekstensi tidak dapat mengatur sesi. Buka Dampingi di browser (aplikasi web) untuk melihat perangkat Anda dan keluar dari semuanya.',
  'account.sessions.heading': 'Perangkat yang sedang masuk',
  'account.sessions.hint':
    'Setiap browser atau ekstensi tempat Anda masuk tercantum di sini. Akhiri sesi yang tidak Anda kenali atau tidak Anda pakai lagi.',
  'account.sessions.loading': 'Memuat daftar perangkat…',
  'account.sessions.empty': 'Tidak ada sesi yang masih berlaku.',
  'account.sessions.problem': 'Daftar perangkat tidak dapat dimuat.',
  'account.sessions.retry': 'Coba lagi',
  'account.kind.web': 'Browser (aplikasi web)',
  'account.kind.extension': 'Ekstensi Dampingi',
  'account.kind.link': 'Tautan masuk',
  'account.sessions.current': 'Perangkat ini',
  'account.sessions.created': 'Masuk sejak {date}',
  'account.sessions.expires': 'Berlaku sampai {date}',
  'account.sessions.end': 'Akhiri sesi',
  'account.sessions.endNamed': 'Akhiri sesi {kind} sejak {date}',
  'account.sessions.ended': 'Sesi itu sudah diakhiri. Perangkat tersebut harus masuk lagi.',
  'account.sessions.endFailed': 'Sesi tidak dapat diakhiri.',
  'account.everywhere.heading': 'Keluar dari semua perangkat',
  'account.everywhere.hint':
    'Semua perangkat tempat Anda masuk akan keluar, termasuk browser ini dan ekstensi. Draf yang sedang terbuka di perangkat lain langsung terputus. Pakai ini jika Anda lupa keluar di komputer sekolah atau kehilangan ponsel.',
  'account.everywhere.button': 'Keluar dari semua perangkat',
  'account.everywhere.confirm':
    'Keluar dari semua perangkat, termasuk browser ini? Anda perlu masuk lagi di setiap perangkat.',
  'account.everywhere.confirmUnsent':
    'Ada {count} perubahan di browser ini yang belum terkirim ke server; perubahan itu akan hilang. Tetap keluar dari semua perangkat?',
  'account.everywhere.busy': 'Mengeluarkan semua perangkat…',
  'account.everywhere.failed': 'Belum berhasil keluar dari semua perangkat.',
  'account.invite.heading': 'Undang lewat email',
  'account.invite.hint':
    'Kami mengirim tautan ke alamat itu. Orang yang belum punya akun dibuatkan akun saat membuka tautan. Tautan berlaku 7 hari dan hanya sekali.',
  'account.invite.email': 'Alamat email yang diundang',
  'account.invite.role': 'Peran orang yang diundang',
  'account.invite.send': 'Kirim undangan',
  'account.invite.sending': 'Mengirim undangan…',
  'account.invite.sent': 'Undangan terkirim ke {email}.',
  'account.invite.failed': 'Undangan tidak terkirim.',
  'account.invite.unavailable':
    'Server ini belum mengatur email, jadi undangan tidak dapat dikirim. Pakai tautan berbagi di bawah.',
  'account.invite.own': 'Itu alamat Anda sendiri.',
  'account.invite.badAddress': 'Periksa alamat email itu.',
  'account.invite.guest':
    'Tamu tidak dapat mengundang lewat email. Masuk dengan email atau akun sekolah dulu, atau pakai tautan berbagi di bawah.',
};

export const en: Record<keyof typeof id, string> = {
  'account.link': 'My account',
  'account.title': 'My account',
  'account.name': 'Name',
  'account.email': 'Email address',
  'account.noEmail': 'This account has no email address.',
  'account.admin': 'You are a Dampingi administrator on this server.',
  'account.guest':
    'You are signed in as a guest through a share link. Sign in with email or a school account to open drafts from other devices.',
  'account.extension':
    'The extension cannot manage sessions. Open Dampingi in the browser (the web app) to see your devices and sign out of all of them.',
  'account.sessions.heading': 'Devices signed in',
  'account.sessions.hint':
    'Every browser or extension where you are signed in is listed here. End any session you do not recognise or no longer use.',
  'account.sessions.loading': 'Loading your devices…',
  'account.sessions.empty': 'No session is still valid.',
  'account.sessions.problem': 'The list of devices could not be loaded.',
  'account.sessions.retry': 'Try again',
  'account.kind.web': 'Browser (web app)',
  'account.kind.extension': 'Dampingi extension',
  'account.kind.link': 'Sign-in link',
  'account.sessions.current': 'This device',
  'account.sessions.created': 'Signed in since {date}',
  'account.sessions.expires': 'Valid until {date}',
  'account.sessions.end': 'End session',
  'account.sessions.endNamed': 'End the {kind} session since {date}',
  'account.sessions.ended': 'That session has ended. That device has to sign in again.',
  'account.sessions.endFailed': 'The session could not be ended.',
  'account.everywhere.heading': 'Sign out of all devices',
  'account.everywhere.hint':
    'Every device where you are signed in signs out, this browser and the extension too. Drafts open on other devices are cut off at once. Use this if you forgot to sign out on a school computer or lost your phone.',
  'account.everywhere.button': 'Sign out of all devices',
  'account.everywhere.confirm': 'Sign out of all devices, this browser too? You will need to sign in again on each.',
  'account.everywhere.confirmUnsent':
    'This browser has {count} changes the server has not received yet; they will be lost. Sign out of all devices anyway?',
  'account.everywhere.busy': 'Signing out of all devices…',
  'account.everywhere.failed': 'Signing out of all devices did not work yet.',
  'account.invite.heading': 'Invite by email',
  'account.invite.hint':
    'We send a link to that address. Someone without an account gets one when they open the link. The link works once, for 7 days.',
  'account.invite.email': 'Email address to invite',
  'account.invite.role': 'Role of the person invited',
  'account.invite.send': 'Send invitation',
  'account.invite.sending': 'Sending the invitation…',
  'account.invite.sent': 'Invitation sent to {email}.',
  'account.invite.failed': 'The invitation was not sent.',
  'account.invite.unavailable':
    'This server has no email set up, so invitations cannot be sent. Use a share link below.',
  'account.invite.own': 'That is your own address.',
  'account.invite.badAddress': 'Check that email address.',
  'account.invite.guest':
    'Guests cannot invite by email. Sign in with email or a school account first, or use a share link below.',
};

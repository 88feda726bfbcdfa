/** The web app's sign-in: first-run set-up, email code, school accounts, a new account's name. */
export const id = {
  'signin.title': 'Masuk ke Dampingi',
  'signin.loading': 'Memuat cara masuk…',
  'signin.intro': 'Masuk dengan akun sekolah atau dengan alamat email Anda. Tidak perlu kata sandi.',
  'signin.school': 'Masuk dengan {name}',
  'signin.or': 'atau',
  'signin.email.label': 'Alamat email',
  'signin.email.send': 'Kirim kode masuk',
  'signin.email.sending': 'Mengirim…',
  'signin.email.sent':
    'Jika alamat {email} boleh masuk, kami sudah mengirim kode 6 angka dan tautan masuk ke sana. Keduanya berlaku 15 menit dan hanya sekali.',
  'signin.code.label': 'Kode 6 angka dari email',
  'signin.code.submit': 'Masuk',
  'signin.code.checking': 'Memeriksa kode…',
  'signin.code.again': 'Kirim kode baru',
  'signin.code.otherAddress': 'Pakai alamat lain',
  'signin.code.wrong': 'Kode salah atau sudah tidak berlaku. Periksa lagi, atau minta kode baru.',
  'signin.none':
    'Server ini belum mengatur email atau akun sekolah. Minta tautan masuk kepada pengelola Dampingi di sekolah Anda.',
  'signin.domains': 'Akun baru dapat dibuat dengan alamat {domains}. Alamat lain perlu undangan dari pengelola.',
  'signin.invitedOnly': 'Hanya alamat yang sudah diundang pengelola yang dapat masuk.',
  'signin.setup.title': 'Siapkan Dampingi',
  'signin.setup.intro':
    'Server ini belum punya pengelola. Masukkan kode penyiapan yang tercetak di log server, lalu nama Anda. Anda menjadi pengelola pertama dan dapat mengundang guru dan pendamping.',
  'signin.setup.code': 'Kode penyiapan (dari log server)',
  'signin.setup.name': 'Nama Anda',
  'signin.setup.email': 'Alamat email (boleh dikosongkan)',
  'signin.setup.submit': 'Siapkan dan masuk',
  'signin.setup.wrongCode':
    'Kode penyiapan salah atau kedaluwarsa. Lihat kode terbaru di log server (setiap kali server dinyalakan ulang, kode baru dicetak).',
  'signin.name.title': 'Satu langkah lagi',
  'signin.name.intro':
    'Alamat {email} belum punya akun di sini. Tulis nama Anda seperti yang akan dilihat rekan dan pendamping.',
  'signin.name.label': 'Nama',
  'signin.name.submit': 'Buat akun dan masuk',
  'signin.signedIn': 'Berhasil masuk. Membuka Dampingi…',
  'signin.guest.keep': 'Simpan akun Anda: masuk dengan email atau akun sekolah',
  'signin.guest.intro':
    'Anda masuk sebagai tamu. Masuk dengan email atau akun sekolah agar dapat membuka draf dari perangkat lain; komentar Anda tetap tersimpan atas nama Anda.',
  'signin.join.haveAccount': 'Sudah punya akun? Masuk dulu',
  'signin.problem.signin-domain':
    'Akun dari domain ini tidak diizinkan membuat akun di server ini. Minta undangan kepada pengelola.',
  'signin.problem.signin-no-account':
    'Belum ada akun untuk alamat ini. Minta undangan kepada pengelola Dampingi di sekolah Anda.',
  'signin.problem.signin-suspended': 'Akun Anda sedang ditangguhkan oleh pengelola. Hubungi pengelola sekolah Anda.',
  'signin.problem.signin-unverified-email': 'Akun sekolah Anda tidak memberi alamat email yang terverifikasi.',
  'signin.problem.signin-failed': 'Masuk dengan akun sekolah gagal. Coba lagi; jika tetap gagal, hubungi pengelola.',
  'signin.problem.signin-expired': 'Proses masuk terlalu lama atau tautan itu sudah dipakai. Coba masuk lagi.',
  'signin.problem.link': 'Tautan masuk ini sudah dipakai atau kedaluwarsa. Minta tautan atau kode baru.',
} as const;

export const en: Record<keyof typeof id, string> = {
  'signin.title': 'Sign in to Dampingi',
  'signin.loading': 'Loading the ways to sign in…',
  'signin.intro': 'Sign in with your school account or your email address. No password needed.',
  'signin.school': 'Sign in with {name}',
  'signin.or': 'or',
  'signin.email.label': 'Email address',
  'signin.email.send': 'Send a sign-in code',
  'signin.email.sending': 'Sending…',
  'signin.email.sent':
    'If {email} may sign in, we sent a 6-digit code and a sign-in link there. Both work once, for 15 minutes.',
  'signin.code.label': '6-digit code from the email',
  'signin.code.submit': 'Sign in',
  'signin.code.checking': 'Checking the code…',
  'signin.code.again': 'Send a new code',
  'signin.code.otherAddress': 'Use another address',
  'signin.code.wrong': 'Wrong or expired code. Check it again, or ask for a new one.',
  'signin.none':
    "This server has no email or school accounts set up yet. Ask your school's Dampingi administrator for a sign-in link.",
  'signin.domains':
    'New accounts can be made with {domains} addresses. Other addresses need an invitation from an administrator.',
  'signin.invitedOnly': 'Only addresses an administrator invited can sign in.',
  'signin.setup.title': 'Set up Dampingi',
  'signin.setup.intro':
    'This server has no administrator yet. Enter the set-up code printed in the server log, then your name. You become the first administrator and can invite teachers and mentors.',
  'signin.setup.code': 'Set-up code (from the server log)',
  'signin.setup.name': 'Your name',
  'signin.setup.email': 'Email address (optional)',
  'signin.setup.submit': 'Set up and sign in',
  'signin.setup.wrongCode':
    'Wrong or expired set-up code. See the latest one in the server log (each restart prints a new one).',
  'signin.name.title': 'One more step',
  'signin.name.intro': '{email} has no account here yet. Write your name as colleagues and mentors will see it.',
  'signin.name.label': 'Name',
  'signin.name.submit': 'Create account and sign in',
  'signin.signedIn': 'Signed in. Opening Dampingi…',
  'signin.guest.keep': 'Keep your account: sign in with email or a school account',
  'signin.guest.intro':
    'You are signed in as a guest. Sign in with email or a school account to open drafts from other devices; your comments stay under your name.',
  'signin.join.haveAccount': 'Have an account? Sign in first',
  'signin.problem.signin-domain':
    'Accounts from this domain may not sign up on this server. Ask an administrator for an invitation.',
  'signin.problem.signin-no-account':
    "There is no account for this address yet. Ask your school's Dampingi administrator for an invitation.",
  'signin.problem.signin-suspended':
    "Your account is suspended by an administrator. Contact your school's administrator.",
  'signin.problem.signin-unverified-email': 'Your school account did not give a verified email address.',
  'signin.problem.signin-failed':
    'Signing in with the school account failed. Try again; if it keeps failing, contact the administrator.',
  'signin.problem.signin-expired': 'Signing in took too long, or that link was already used. Sign in again.',
  'signin.problem.link': 'This sign-in link was already used or has expired. Ask for a new link or code.',
};

/**
 * The emails Dampingi sends: a sign-in code with its link, an invitation to the server, an
 * invitation to a draft. Bahasa Indonesia or English (the language of the page that asked), plain
 * text with a simple HTML twin; every value put into HTML is escaped.
 */
import type { GrantableRole } from '../../shared/auth/roles';

export type MailLanguage = 'id' | 'en';

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function compose(subject: string, paragraphs: string[], link: { url: string; label: string }): MailMessage {
  const text = [...paragraphs, `${link.label}: ${link.url}`].join('\n\n');
  const html = [
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
  ].join('\n');
  return { subject, text, html };
}

export function signInCodeMail(language: MailLanguage, code: string, link: string, minutes: number): MailMessage {
  return language === 'en'
    ? compose(
        `Your Dampingi sign-in code: ${code}`,
        [
          `Your sign-in code is ${code}. Type it on the sign-in page, or open the link below.`,
          `The code and the link work once, for ${minutes} minutes. If you did not ask to sign in, ignore this email.`,
        ],
        { url: link, label: 'Sign in to Dampingi' },
      )
    : compose(
        `Kode masuk Dampingi Anda: ${code}`,
        [
          `Kode masuk Anda: ${code}. Ketik kode ini di halaman masuk, atau buka tautan di bawah.`,
          `Kode dan tautan hanya berlaku sekali, selama ${minutes} menit. Jika Anda tidak meminta masuk, abaikan email ini.`,
        ],
        { url: link, label: 'Masuk ke Dampingi' },
      );
}

export function accountInviteMail(language: MailLanguage, inviter: string, link: string, days: number): MailMessage {
  return language === 'en'
    ? compose(
        `${inviter} invites you to Dampingi`,
        [
          `${inviter} made you an account on Dampingi, where teachers and mentors develop lesson media together.`,
          `The link signs you in once and works for ${days} days. Later, sign in with this email address.`,
        ],
        { url: link, label: 'Open Dampingi' },
      )
    : compose(
        `${inviter} mengundang Anda ke Dampingi`,
        [
          `${inviter} membuatkan akun Dampingi untuk Anda: tempat guru dan pendamping mengembangkan media ajar bersama.`,
          `Tautan ini memasukkan Anda sekali dan berlaku ${days} hari. Selanjutnya, masuk dengan alamat email ini.`,
        ],
        { url: link, label: 'Buka Dampingi' },
      );
}

const roleNames: Record<MailLanguage, Record<GrantableRole, string>> = {
  id: { editor: 'penyunting', commenter: 'komentator', viewer: 'pembaca' },
  en: { editor: 'editor', commenter: 'commenter', viewer: 'viewer' },
};

export function draftInviteMail(
  language: MailLanguage,
  details: { inviter: string; title: string; role: GrantableRole; link: string; days: number },
): MailMessage {
  const role = roleNames[language][details.role];
  return language === 'en'
    ? compose(
        `${details.inviter} shares “${details.title}” with you`,
        [
          `${details.inviter} invites you to the draft “${details.title}” on Dampingi as ${role}.`,
          `The link signs you in once and opens the draft; it works for ${details.days} days.`,
        ],
        { url: details.link, label: 'Open the draft' },
      )
    : compose(
        `${details.inviter} membagikan “${details.title}” kepada Anda`,
        [
          `${details.inviter} mengundang Anda ke draf “${details.title}” di Dampingi sebagai ${role}.`,
          `Tautan ini memasukkan Anda sekali dan membuka drafnya; berlaku ${details.days} hari.`,
        ],
        { url: details.link, label: 'Buka draf' },
      );
}

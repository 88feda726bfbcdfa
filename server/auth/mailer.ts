/**
 * Sends email over SMTP (nodemailer), configured by DAMPINGI_SMTP_URL. Without it there is no
 * mailer, and the routes that need one answer 503 `unavailable`; the sign-in page then offers
 * what the server has (school accounts).
 */
import type { Transporter } from 'nodemailer';
import type { Logger } from '../logger';
import type { MailMessage } from './mail-messages';

export interface Mailer {
  send(to: string, message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(settings: { smtpUrl: string; from: string }, logger: Logger): Mailer {
  // Loaded on first use: nodemailer and the network modules it pulls in cost ~12 MiB of RSS at start.
  let transport: Promise<Transporter> | null = null;
  const opened = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(settings.smtpUrl),
    ));
  return {
    async send(to, message) {
      await (await opened()).sendMail({ from: settings.from, to, ...message });
      logger.info({ to: redactAddress(to), subject: message.subject }, 'mail sent');
    },
    close: () => {
      transport?.then(
        (open) => open.close(),
        (error: unknown) => logger.warn({ err: error }, 'the mail transport could not be opened'),
      );
    },
  };
}

/** `s***@sekolah.sch.id`: enough for an operator to recognise, not a list of addresses in the log. */
export function redactAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0]}***${address.slice(at)}`;
}

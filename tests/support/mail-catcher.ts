/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps every message it is
 * given, parsed with `mailparser`: what Dampingi's mails say and link to, as a person would read them.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, for DAMPINGI_SMTP_URL. */
  readonly url: string;
  readonly mails: readonly CaughtMail[];
  /** Resolves with the next mail to `to` that arrives (or one already here and not yet taken). */
  next(to: string, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const taken = new Set<CaughtMail>();
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()).join(',');
          mails.push({
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          for (const wake of waiting) wake();
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const port = (server.server.address() as AddressInfo).port;

  function take(to: string): CaughtMail | null {
    const found = mails.find((mail) => !taken.has(mail) && mail.to.split(',').includes(to.toLowerCase()));
    if (found) taken.add(found);
    return found ?? null;
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    next(to, timeoutMs = 20_000) {
      const ready = take(to);
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no mail to ${to} within ${timeoutMs} ms (got: ${mails.map((m) => m.to).join('; ')})`));
        }, timeoutMs);
        function check() {
          const mail = take(to);
          if (!mail) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(mail);
        }
        waiting.add(check);
      });
    },
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

/** The 6-digit code and the one-time link a sign-in or invitation mail carries. */
export function readSignInMail(mail: CaughtMail): { code: string | null; link: string } {
  const link = /(https?:\/\/\S+[?&]signin=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no sign-in link in:\n${mail.text}`);
  return { code: /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? null, link };
}

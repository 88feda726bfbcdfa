/**
 * Signing in the way a school does, against the real server on loopback with a real SMTP server:
 * first-run set-up with the code from the log, the session cookie's flags, CSRF (Origin and token),
 * an emailed code that works once and survives five wrong guesses at most, a guest who signs in
 * keeping her id, one person on two devices being one member, sign-out everywhere and suspension
 * closing open sync connections, and the extension's scoped token.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../server/logger';
import { adminPaths } from '../../shared/protocol/admin-api';
import {
  apiPaths,
  CreateShareLinkResponseSchema,
  JoinPreviewResponseSchema,
  JoinResponseSchema,
  MemberListResponseSchema,
} from '../../shared/protocol/api';
import {
  authPaths,
  PairingCodeResponseSchema,
  PairResponseSchema,
  SESSION_COOKIE,
  SigninResponseSchema,
} from '../../shared/protocol/auth-api';
import { type MailCatcher, startMailCatcher } from '../support/mail-catcher';
import { type BrowserSession, browserSession } from './support/browser-session';
import { destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';

/** The server's log lines, as an operator reads them. */
function capturedLog(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino<never>({ level: 'warn' }, sink), lines };
}

function setupCodeFrom(lines: readonly string[]): string {
  for (const line of [...lines].reverse()) {
    const code = (JSON.parse(line) as { setupCode?: string }).setupCode;
    if (code) return code;
  }
  throw new Error(`no set-up code in the log:\n${lines.join('')}`);
}

function codeIn(text: string): string {
  const code = /\b(\d{3}[ -]?\d{3})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no 6-digit code in:\n${text}`);
  return code;
}

function linkSecretIn(text: string): string {
  const secret = /[?&]signin=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!secret) throw new Error(`no sign-in link in:\n${text}`);
  return secret;
}

let mail: MailCatcher;
let server: TestServer;
let log: ReturnType<typeof capturedLog>;
let admin: BrowserSession;

beforeAll(async () => {
  mail = await startMailCatcher();
  log = capturedLog();
  server = await startTestServer({
    logger: log.logger,
    // Every test here signs in from 127.0.0.1; the limit per address gets its own test below.
    overrides: { signInLimits: { attemptsPerTenMinutes: 1000, mailsPerHourPerAddress: 1000, mailsPerHourPerEmail: 5 } },
    env: {
      DAMPINGI_SMTP_URL: mail.url,
      DAMPINGI_MAIL_FROM: 'Dampingi <dampingi@sekolah.sch.id>',
      DAMPINGI_ALLOWED_EMAIL_DOMAINS: 'sekolah.sch.id',
    },
  });
  admin = browserSession(() => server.url());
});

afterEach(() => destroyAllClients());

afterAll(async () => {
  await server?.dispose();
  await mail?.close();
});

/** Signs a browser in with an emailed code (the account is made when the address is new). */
async function signInByEmail(browser: BrowserSession, email: string, name: string): Promise<string> {
  expect((await browser.post(authPaths.emailStart, { email })).status).toBe(200);
  const code = codeIn((await mail.next(email)).text);
  const verified = SigninResponseSchema.parse(
    await (await browser.post(authPaths.emailVerify, { email, code })).json(),
  );
  if (verified.status === 'signed-in') return verified.user.id;
  const signedUp = SigninResponseSchema.parse(
    await (await browser.post(authPaths.signup, { ticket: verified.ticket, name })).json(),
  );
  if (signedUp.status !== 'signed-in') throw new Error('still no account');
  return signedUp.user.id;
}

describe('first-run set-up', () => {
  it('makes the first administrator with the code from the log, once, in an HttpOnly SameSite=Lax cookie', async () => {
    const options = await (await admin.request(authPaths.options)).json();
    expect(options).toMatchObject({ setupNeeded: true, email: true, oidc: null, allowedDomains: ['sekolah.sch.id'] });

    const wrong = await admin.post(authPaths.setup, { code: 'AAAA-BBBB-CCCC', name: 'Bu Kepala' });
    expect(wrong.status).toBe(400);

    const code = setupCodeFrom(log.lines);
    const done = await admin.post(authPaths.setup, { code, name: 'Bu Kepala', email: 'kepala@sekolah.sch.id' });
    expect(done.status).toBe(200);
    expect(SigninResponseSchema.parse(await done.json())).toMatchObject({
      status: 'signed-in',
      user: { name: 'Bu Kepala', isAdmin: true },
      token: null,
    });
    const sessionCookie = admin.lastSetCookie.find((line) => line.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).toMatch(/Path=\//i);
    // Plain http on loopback: a Secure cookie would never come back.
    expect(sessionCookie).not.toMatch(/Secure/i);

    const again = await browserSession(() => server.url()).post(authPaths.setup, { code, name: 'Orang Lain' });
    expect(again.status).toBe(409);
    expect((await (await admin.request(authPaths.options)).json()).setupNeeded).toBe(false);
    expect((await admin.request(apiPaths.me)).status).toBe(200);
  });
});

describe('the cookie session against another site', () => {
  it('refuses a change from another origin and one without the CSRF token, accepts the page’s own', async () => {
    const crossSite = await admin.request(apiPaths.drafts, {
      method: 'POST',
      body: { title: 'Palsu' },
      origin: 'https://penyerang.example',
    });
    expect(crossSite.status).toBe(403);
    const noToken = await admin.request(apiPaths.drafts, { method: 'POST', body: { title: 'Palsu' }, csrf: false });
    expect(noToken.status).toBe(403);
    const own = await admin.post(apiPaths.drafts, { title: 'Rencana pembelajaran' });
    expect(own.status).toBe(201);

    // Signing a visitor in to an account of another site's choosing is refused too.
    const loginCsrf = await browserSession(() => server.url()).request(authPaths.emailStart, {
      method: 'POST',
      body: { email: 'kepala@sekolah.sch.id' },
      origin: 'https://penyerang.example',
    });
    expect(loginCsrf.status).toBe(403);
  });

  it('gives a Secure cookie when the public address is HTTPS', async () => {
    const { lines, logger } = capturedLog();
    const behindProxy = await startTestServer({
      logger,
      env: { DAMPINGI_PUBLIC_URL: 'https://dampingi.sekolah.sch.id' },
    });
    try {
      const response = await fetch(`${behindProxy.url()}${authPaths.setup}`, {
        method: 'POST',
        headers: { origin: 'https://dampingi.sekolah.sch.id', 'content-type': 'application/json' },
        body: JSON.stringify({ code: setupCodeFrom(lines), name: 'Pak Admin' }),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`)) ?? '';
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await behindProxy.dispose();
    }
  });
});

describe('an emailed code', () => {
  it('signs in once; five wrong guesses spend it', async () => {
    const guru = browserSession(() => server.url());
    const email = 'guru.sari@sekolah.sch.id';
    expect((await guru.post(authPaths.emailStart, { email })).status).toBe(200);
    const first = await mail.next(email);
    const code = codeIn(first.text);
    // The mail also carries a one-time link to the editor page.
    expect(first.text).toContain(`${server.url()}/editor.html?signin=`);
    for (let guess = 0; guess < 5; guess += 1) {
      const wrongCode = code === '000000' ? '111111' : '000000';
      expect((await guru.post(authPaths.emailVerify, { email, code: wrongCode })).status).toBe(400);
    }
    expect((await guru.post(authPaths.emailVerify, { email, code })).status).toBe(400);

    expect((await guru.post(authPaths.emailStart, { email })).status).toBe(200);
    const fresh = codeIn((await mail.next(email)).text);
    const answer = SigninResponseSchema.parse(
      await (await guru.post(authPaths.emailVerify, { email, code: fresh })).json(),
    );
    expect(answer).toMatchObject({ status: 'needs-name', email });
    expect((await guru.post(authPaths.emailVerify, { email, code: fresh })).status).toBe(400);
  });

  it('answers the same for an address that may not sign in, and sends it nothing', async () => {
    const stranger = browserSession(() => server.url());
    const response = await stranger.post(authPaths.emailStart, { email: 'orang@luar.example' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: true });
    // A mail to an allowed address sent after it arrives; none to the stranger.
    const witness = browserSession(() => server.url());
    await witness.post(authPaths.emailStart, { email: 'saksi@sekolah.sch.id' });
    await mail.next('saksi@sekolah.sch.id');
    expect(mail.mails.some((caught) => caught.to.includes('orang@luar.example'))).toBe(false);
  });

  it('mails one address five times an hour at most, and says when to try again', async () => {
    const email = 'guru.sering@sekolah.sch.id';
    const impatient = browserSession(() => server.url());
    for (let sent = 0; sent < 5; sent += 1) {
      expect((await impatient.post(authPaths.emailStart, { email })).status).toBe(200);
    }
    const sixth = await impatient.post(authPaths.emailStart, { email });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a link from the mail works once', async () => {
    const email = 'guru.budi@sekolah.sch.id';
    const laptop = browserSession(() => server.url());
    await signInByEmail(laptop, email, 'Pak Budi');
    await laptop.post(authPaths.emailStart, { email });
    const secret = linkSecretIn((await mail.next(email)).text);
    const phone = browserSession(() => server.url());
    const redeemed = SigninResponseSchema.parse(await (await phone.post(authPaths.redeem, { secret })).json());
    expect(redeemed).toMatchObject({ status: 'signed-in', user: { name: 'Pak Budi' } });
    expect((await browserSession(() => server.url()).post(authPaths.redeem, { secret })).status).toBe(410);
  });
});

describe('guests who sign in', () => {
  async function shareLink(owner: BrowserSession, draftId: string): Promise<string> {
    const created = await owner.post(apiPaths.links(draftId), { role: 'commenter' });
    return CreateShareLinkResponseSchema.parse(await created.json()).secret;
  }

  it('a link says what it leads to before anyone joins: the draft, who invited, the role; a revoked one says nothing', async () => {
    const draft = (await (await admin.post(apiPaths.drafts, { title: 'Modul ajar pecahan' })).json()) as { id: string };
    const created = await admin.post(apiPaths.links(draft.id), { role: 'commenter' });
    const link = CreateShareLinkResponseSchema.parse(await created.json());
    const stranger = browserSession(() => server.url());
    const preview = await stranger.post(apiPaths.joinPreview, { secret: link.secret });
    expect(preview.status).toBe(200);
    expect(JoinPreviewResponseSchema.parse(await preview.json())).toEqual({
      title: 'Modul ajar pecahan',
      ownerName: 'Bu Kepala',
      invitedBy: 'Bu Kepala',
      role: 'commenter',
      expiresAt: link.link.expiresAt,
    });
    // Looking does not join.
    const members = MemberListResponseSchema.parse(await (await admin.request(apiPaths.members(draft.id))).json());
    expect(members.members).toHaveLength(1);
    await admin.request(apiPaths.link(draft.id, link.link.id), { method: 'DELETE' });
    expect((await stranger.post(apiPaths.joinPreview, { secret: link.secret })).status).toBe(410);
  });

  it('keeps the guest’s id (and so her comments) and makes two devices one member', async () => {
    const draft = (await (await admin.post(apiPaths.drafts, { title: 'LKPD Ekosistem' })).json()) as { id: string };
    const secret = await shareLink(admin, draft.id);

    const laptop = browserSession(() => server.url());
    const joined = JoinResponseSchema.parse(
      await (await laptop.post(apiPaths.join, { secret, name: 'Bu Rina' })).json(),
    );
    expect(joined.session).toBeNull(); // the web app's guest session is in the cookie
    const guestId = ((await (await laptop.request(apiPaths.me)).json()) as { id: string }).id;

    const email = 'rina@sekolah.sch.id';
    expect(await signInByEmail(laptop, email, 'Bu Rina')).toBe(guestId);
    const me = (await (await laptop.request(apiPaths.me)).json()) as { id: string; email: string | null };
    expect(me).toMatchObject({ id: guestId, email });

    // On her phone she opened the same link as a guest first, then signs in: still one member.
    const phone = browserSession(() => server.url());
    await phone.post(apiPaths.join, { secret, name: 'Rina (HP)' });
    expect(await signInByEmail(phone, email, 'Bu Rina')).toBe(guestId);
    const members = MemberListResponseSchema.parse(await (await admin.request(apiPaths.members(draft.id))).json());
    const rinas = members.members.filter((member) => member.name.startsWith('Rina') || member.name === 'Bu Rina');
    expect(rinas.map((member) => member.userId)).toEqual([guestId]);
  });
});

describe('ending sessions closes open connections', () => {
  it('"Keluar dari semua perangkat" closes every device’s socket and the cookie stops working', async () => {
    const email = 'guru.tono@sekolah.sch.id';
    const laptop = browserSession(() => server.url());
    await signInByEmail(laptop, email, 'Pak Tono');
    const phone = browserSession(() => server.url());
    await signInByEmail(phone, email, 'Pak Tono');
    const draft = (await (await laptop.post(apiPaths.drafts, { title: 'Modul ajar' })).json()) as { id: string };
    const onPhone = await phone.openSocket(draft.id);

    const sessions = (await (await laptop.request(authPaths.sessions)).json()) as { sessions: { current: boolean }[] };
    expect(sessions.sessions).toHaveLength(2);
    expect(sessions.sessions.filter((session) => session.current)).toHaveLength(1);

    const ended = await laptop.post(authPaths.signOutEverywhere);
    expect(ended.status).toBe(200);
    expect((await ended.json()) as { ended: number }).toMatchObject({ ended: 2 });
    const { code } = await onPhone.closed;
    expect(code).toBeGreaterThanOrEqual(4000);
    expect((await phone.request(apiPaths.me)).status).toBe(401);
    expect(laptop.cookie(SESSION_COOKIE)).toBeNull();
  });

  it('an administrator suspending an account closes its sockets and refuses it', async () => {
    const email = 'guru.wati@sekolah.sch.id';
    const guru = browserSession(() => server.url());
    const userId = await signInByEmail(guru, email, 'Bu Wati');
    const draft = (await (await guru.post(apiPaths.drafts, { title: 'Bahan bacaan' })).json()) as { id: string };
    const socket = await guru.openSocket(draft.id);

    expect((await admin.post(adminPaths.suspend(userId), { suspended: true })).status).toBe(200);
    await socket.closed;
    // Her sessions ended with the suspension: the browser is signed out.
    expect((await guru.request(apiPaths.me)).status).toBe(401);
    // A suspended address gets no sign-in mail either.
    await guru.post(authPaths.emailStart, { email });
    await admin.post(authPaths.emailStart, { email: 'kepala@sekolah.sch.id' });
    await mail.next('kepala@sekolah.sch.id');
    expect(mail.mails.filter((caught) => caught.to === email)).toHaveLength(1);

    // Lifted, she signs in again as the same account.
    expect((await admin.post(adminPaths.suspend(userId), { suspended: false })).status).toBe(200);
    expect(await signInByEmail(guru, email, 'Bu Wati')).toBe(userId);
  });
});

describe('the extension’s token', () => {
  it('is made from a pairing code once, reaches drafts but not the account’s sessions or the admin page', async () => {
    const code = PairingCodeResponseSchema.parse(await (await admin.post(authPaths.pairingCodes)).json()).code;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const extensionOrigin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const pair = () =>
      fetch(`${server.url()}${authPaths.pair}`, {
        method: 'POST',
        headers: { origin: extensionOrigin, 'content-type': 'application/json' },
        body: JSON.stringify({ code: code.toLowerCase() }),
      });
    const paired = await pair();
    expect(paired.status).toBe(200);
    const { token } = PairResponseSchema.parse(await paired.json());
    expect((await pair()).status).toBe(410);

    const bearer = { authorization: `Bearer ${token.token}` };
    expect((await fetch(`${server.url()}${apiPaths.drafts}`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${server.url()}${authPaths.sessions}`, { headers: bearer })).status).toBe(403);
    expect((await fetch(`${server.url()}${adminPaths.users}`, { headers: bearer })).status).toBe(403);
    const more = await fetch(`${server.url()}${authPaths.pairingCodes}`, { method: 'POST', headers: bearer });
    expect(more.status).toBe(403);

    // It is listed among the account's sessions, and ending it there ends it.
    const listed = (await (await admin.request(authPaths.sessions)).json()) as {
      sessions: { id: string; kind: string }[];
    };
    const extension = listed.sessions.find((session) => session.kind === 'extension');
    expect(extension).toBeDefined();
    expect((await admin.request(authPaths.session(extension?.id ?? ''), { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(`${server.url()}${apiPaths.drafts}`, { headers: bearer })).status).toBe(401);
  });
});

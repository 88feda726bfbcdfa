/**
 * Signing in the way a school does, in real Chromium against the real server, with a real SMTP
 * server and a real OpenID provider on loopback: first-run set-up with the code from the server's
 * output, an emailed link followed from the mail, an emailed code, a school account (also a refused
 * domain and a replayed callback), no sign-in secret left in the address or the history, and a
 * guest who signs in keeping her comments.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../support/mail-catcher';
import { type OpenIdProvider, startOpenIdProvider } from '../support/openid-provider';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import { createDraftViaApi, editorArea, typeAtEnd, waitForSyncState } from './support/editor-page';
import { giveFeedback, openThread, threadCard } from './support/feedback-page';

const SCHOOL_BUTTON = 'Masuk dengan Akun belajar.id';

let mail: MailCatcher;
let idp: OpenIdProvider;
let server: DampingiServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function freshPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

function signedInAs(page: Page, name: string) {
  return page.getByText(`Masuk sebagai ${name}`);
}

function setupCode(): string {
  const codes = [...server.output().matchAll(/"setupCode":"([A-Z0-9-]+)"/g)].map((match) => match[1]);
  const code = codes.at(-1);
  if (!code) throw new Error(`no set-up code in the server's output:\n${server.output()}`);
  return code;
}

function linkIn(text: string): string {
  const link = /(http:\/\/\S+\?signin=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no sign-in link in the mail:\n${text}`);
  return link;
}

function codeIn(text: string): string {
  const code = /\b(\d{3} ?\d{3})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in the mail:\n${text}`);
  return code;
}

async function askForMail(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/editor.html`);
  await page.getByLabel('Alamat email').fill(email);
  await page.getByRole('button', { name: 'Kirim kode masuk' }).click();
  await page.getByLabel('Kode 6 angka dari email').waitFor();
}

/** Through the provider's own login and consent pages, as a teacher with a school account would. */
async function signInAtProvider(page: Page, email: string): Promise<void> {
  await page.getByRole('link', { name: SCHOOL_BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('kata-sandi-sekolah');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.href.startsWith(server.url));
}

beforeAll(async () => {
  mail = await startMailCatcher();
  idp = await startOpenIdProvider();
  server = await createDampingiServer({
    env: {
      DAMPINGI_SMTP_URL: mail.url,
      DAMPINGI_MAIL_FROM: 'Dampingi <dampingi@sekolah.sch.id>',
      DAMPINGI_ALLOWED_EMAIL_DOMAINS: 'sekolah.sch.id',
      DAMPINGI_OIDC_ISSUER: idp.issuer,
      DAMPINGI_OIDC_CLIENT_ID: idp.clientId,
      DAMPINGI_OIDC_CLIENT_SECRET: idp.clientSecret,
      DAMPINGI_OIDC_NAME: 'Akun belajar.id',
    },
  });
  idp.allowRedirect(`${server.url}/api/auth/oidc/callback`);
  await server.start();
  browser = await launchPlainBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await idp?.close();
  await mail?.close();
});

describe('signing in the way a school does', () => {
  it('first run: the code from the server output makes the first administrator, kept in an HttpOnly cookie', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/editor.html`);
    await page.getByRole('heading', { name: 'Siapkan Dampingi' }).waitFor();
    await page.getByLabel('Kode penyiapan (dari log server)').fill('SALAH-KODE-1234');
    await page.getByLabel('Nama Anda').fill('Bu Kepala');
    await page.getByRole('button', { name: 'Siapkan dan masuk' }).click();
    await page.getByText('Kode penyiapan salah atau kedaluwarsa').waitFor();

    await page.getByLabel('Kode penyiapan (dari log server)').fill(setupCode());
    await page.getByRole('button', { name: 'Siapkan dan masuk' }).click();
    await signedInAs(page, 'Bu Kepala').waitFor();

    const cookies = await page.context().cookies(server.url);
    const session = cookies.find((cookie) => cookie.name === 'dampingi_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('dampingi_session');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(session?.value ?? '—');

    // Set up once: another browser now sees the sign-in page, not the set-up.
    const other = await freshPage();
    await other.goto(`${server.url}/editor.html`);
    await other.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();
    expect(await other.getByRole('heading', { name: 'Siapkan Dampingi' }).count()).toBe(0);
    // Someone who never signed in on this browser is not told that a session ended.
    await other.getByText('Tidak perlu kata sandi', { exact: false }).waitFor();
    expect(await other.getByText('Sesi Anda sudah berakhir', { exact: false }).count()).toBe(0);
  });

  it('an emailed link signs a new teacher in once, and leaves no secret in the address or the history', async () => {
    const page = await freshPage();
    const email = 'sari@sekolah.sch.id';
    await askForMail(page, email);
    const message = await mail.next(email);
    expect(message.subject).toMatch(/Dampingi/);
    const link = linkIn(message.text);
    const secret = new URL(link).searchParams.get('signin') ?? '';

    await page.goto(link);
    await page.getByRole('heading', { name: 'Satu langkah lagi' }).waitFor();
    expect(page.url()).not.toContain(secret);
    await page.getByLabel('Nama', { exact: true }).fill('Bu Sari');
    await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();
    await signedInAs(page, 'Bu Sari').waitFor();
    expect(page.url()).not.toContain('signin=');
    expect(await page.evaluate(() => location.href)).not.toContain(secret);
    await page.goBack();
    expect(page.url()).not.toContain(secret);

    // The same link a second time, in another browser: refused and explained.
    const again = await freshPage();
    await again.goto(link);
    await again.getByText('Tautan masuk ini sudah dipakai atau kedaluwarsa').waitFor();
    expect(again.url()).not.toContain(secret);
    expect(await signedInAs(again, 'Bu Sari').count()).toBe(0);
  });

  it('an emailed 6-digit code signs an existing account in', async () => {
    const page = await freshPage();
    const email = 'sari@sekolah.sch.id';
    await askForMail(page, email);
    const code = codeIn((await mail.next(email)).text);
    await page.getByLabel('Kode 6 angka dari email').fill('000000' === code ? '111111' : '000000');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Kode salah atau sudah tidak berlaku').waitFor();
    await page.getByLabel('Kode 6 angka dari email').fill(code);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await signedInAs(page, 'Bu Sari').waitFor();
  });

  it('a school account signs in through the OpenID provider; its callback cannot be replayed', async () => {
    const page = await freshPage();
    const callbacks: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/oidc/callback')) callbacks.push(request.url());
    });
    await page.goto(`${server.url}/editor.html`);
    await signInAtProvider(page, 'dewi.lestari@sekolah.sch.id');
    await signedInAs(page, 'Dewi Lestari').waitFor();
    expect(page.url()).not.toMatch(/[?&](code|state)=/);
    expect(callbacks).toHaveLength(1);

    // The same callback (its code and state) again, as someone who found it in a log would try.
    const replay = await freshPage();
    await replay.goto(callbacks[0] as string);
    await replay.getByText('Proses masuk terlalu lama atau tautan itu sudah dipakai').waitFor();
    expect(await signedInAs(replay, 'Dewi Lestari').count()).toBe(0);
  });

  it('a school account of a domain that is not allowed is refused, with the reason', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/editor.html`);
    await signInAtProvider(page, 'orang.lain@gmail.com');
    await page.getByText('Akun dari domain ini tidak diizinkan membuat akun di server ini').waitFor();
    expect(await (await page.request.get(`${server.url}/api/me`)).status()).toBe(401);
  });

  it('a guest who joined by a link and commented keeps her comments when she signs in', async () => {
    const owner = await server.addUser('Pak Guru');
    const draftId = await createDraftViaApi(server.url, owner.token, 'Bahan bacaan ekosistem');
    const teacher = await freshPage();
    await teacher.goto(owner.link);
    await signedInAs(teacher, 'Pak Guru').waitFor();
    await teacher.goto(`${server.url}/editor.html?draft=${draftId}`);
    await editorArea(teacher).waitFor();
    await waitForSyncState(teacher, 'synced');
    await typeAtEnd(teacher, 'Ekosistem terdiri dari makhluk hidup dan lingkungannya.');
    await waitForSyncState(teacher, 'synced');

    const created = await fetch(`${server.url}/api/drafts/${draftId}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'commenter' }),
    });
    const { secret } = (await created.json()) as { secret: string };

    const guest = await freshPage();
    await guest.goto(`${server.url}/editor.html?join=${secret}`);
    await guest.getByLabel('Nama Anda').fill('Bu Rina');
    await guest.getByRole('button', { name: 'Gabung' }).click();
    await editorArea(guest).waitFor();
    await expect.poll(() => editorArea(guest).innerText(), { timeout: 20_000 }).toContain('makhluk hidup');
    await giveFeedback(guest, 'Pertanyaan', 'makhluk hidup', 'Apakah jamur termasuk?');
    await threadCard(guest, 'Apakah jamur termasuk?').waitFor();
    await waitForSyncState(guest, 'synced');

    await guest.getByRole('link', { name: 'Simpan akun Anda: masuk dengan email atau akun sekolah' }).click();
    await guest.getByLabel('Alamat email').fill('rina@sekolah.sch.id');
    await guest.getByRole('button', { name: 'Kirim kode masuk' }).click();
    const code = codeIn((await mail.next('rina@sekolah.sch.id')).text);
    await guest.getByLabel('Kode 6 angka dari email').fill(code);
    await guest.getByRole('button', { name: 'Masuk', exact: true }).click();
    // Signed in, the page leaves the sign-in view on its own (she was "Bu Rina" as a guest already).
    await guest.waitForURL((url) => !url.searchParams.has('view'));
    await guest.waitForLoadState('load');
    await signedInAs(guest, 'Bu Rina').waitFor();
    await expect.poll(() => guest.getByRole('link', { name: /Simpan akun Anda/ }).count()).toBe(0);

    // Her comment is still hers: she may edit it, and the teacher sees it under her name.
    await guest.goto(`${server.url}/editor.html?draft=${draftId}`);
    const card = threadCard(guest, 'Apakah jamur termasuk?');
    await card.waitFor();
    await openThread(card);
    await card.getByRole('button', { name: 'Ubah komentar' }).waitFor();
    const seenByTeacher = threadCard(teacher, 'Apakah jamur termasuk?');
    await seenByTeacher.waitFor();
    expect(await seenByTeacher.innerText()).toContain('Bu Rina');
  });
});

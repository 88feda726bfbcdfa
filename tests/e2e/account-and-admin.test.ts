/**
 * Accounts the way a school runs them, in real Chromium against the real server and a real SMTP
 * catcher: an administrator invites a teacher by email and she signs in from the mail; suspended,
 * her open draft is cut off. "Keluar dari semua perangkat" closes another device's open sync
 * connection and that device is signed out. The share dialog's "Undang lewat email" mails a link
 * that signs a new person in and opens the draft.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, readSignInMail, startMailCatcher } from '../support/mail-catcher';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { createDraftViaApi, editorArea, syncStatus, waitForSyncState } from './support/editor-page';

async function meStatus(serverUrl: string, token: string): Promise<number> {
  return (await fetch(`${serverUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe('accounts, the admin page and email invitations', () => {
  let catcher: MailCatcher;
  let server: DampingiServer;
  let browser: Browser;
  let admin: TestUser;
  const contexts: BrowserContext[] = [];

  /** A fresh browser (its own cookies) that opens a one-time sign-in link; the page accepts every confirm(). */
  async function openLink(link: string): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(link);
    return page;
  }

  async function signIn(link: string, name: string): Promise<Page> {
    const page = await openLink(link);
    await page.getByText(`Masuk sebagai ${name}`).waitFor();
    return page;
  }

  /** Every sync socket the page opens, and whether the server has closed it. */
  function watchSockets(page: Page): { closed: () => number; opened: () => number } {
    let opened = 0;
    let closed = 0;
    page.on('websocket', (socket) => {
      opened += 1;
      socket.on('close', () => {
        closed += 1;
      });
    });
    return { opened: () => opened, closed: () => closed };
  }

  beforeAll(async () => {
    catcher = await startMailCatcher();
    server = await createDampingiServer({
      env: { DAMPINGI_SMTP_URL: catcher.url, DAMPINGI_MAIL_FROM: 'Dampingi SD Melati <dampingi@sdmelati.sch.id>' },
    });
    await server.start();
    admin = await server.addUser('Pak Kepala', { email: 'kepala@sdmelati.sch.id', admin: true });
    browser = await launchPlainBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await catcher?.close();
  });

  it('an administrator invites a teacher by email, she signs in from the mail, and once suspended her open draft is refused', async () => {
    const adminPage = await signIn(admin.link, 'Pak Kepala');
    await adminPage.getByRole('link', { name: 'Pengelolaan' }).click();
    await adminPage.getByRole('heading', { name: 'Pengelolaan Dampingi' }).waitFor();
    await adminPage.getByLabel('Nama lengkap', { exact: true }).fill('Bu Ani');
    await adminPage.getByLabel('Alamat email', { exact: true }).fill('ani@sdmelati.sch.id');
    await adminPage.getByRole('button', { name: 'Kirim undangan' }).click();
    await adminPage.getByText('Undangan terkirim ke ani@sdmelati.sch.id.').waitFor();

    const mail = await catcher.next('ani@sdmelati.sch.id');
    const { link } = readSignInMail(mail);
    expect(mail.text).toContain('Pak Kepala');

    // Her own browser: the mailed link signs her in, with the name the administrator gave.
    const teacherPage = await signIn(link, 'Bu Ani');
    await teacherPage.getByLabel('Judul draf baru').fill('Modul ajar IPA kelas 5');
    await teacherPage.getByRole('button', { name: 'Buat draf' }).click();
    await editorArea(teacherPage).waitFor();
    await waitForSyncState(teacherPage, 'synced');

    const row = adminPage.locator('tr', { hasText: 'ani@sdmelati.sch.id' });
    await row.getByRole('button', { name: 'Tangguhkan Bu Ani' }).click();
    await adminPage.getByText('Bu Ani ditangguhkan dan sudah dikeluarkan dari semua perangkat.').waitFor();
    await row.getByText('Ditangguhkan sejak').waitFor();

    // Her open draft is cut off at once and says so; reloaded, she is at the sign-in page.
    await waitForSyncState(teacherPage, 'refused');
    expect(await syncStatus(teacherPage).getAttribute('data-reason')).toBe('unauthorized');
    expect(await syncStatus(teacherPage).innerText()).toContain('Anda sudah keluar');
    await teacherPage.reload();
    await teacherPage.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();
  });

  it('"Keluar dari semua perangkat" closes the other device\'s open connection and both are signed out', async () => {
    const rina = await server.addUser('Bu Rina', { email: 'rina@sdmelati.sch.id' });
    const draftId = await createDraftViaApi(server.url, rina.token, 'LKPD pecahan');
    const laptop = await signIn(rina.link, 'Bu Rina');
    const phone = await signIn(await server.newLink(rina.id), 'Bu Rina');

    const phoneSockets = watchSockets(phone);
    await phone.goto(`${server.url}/editor.html?draft=${encodeURIComponent(draftId)}`);
    await editorArea(phone).waitFor();
    await waitForSyncState(phone, 'synced');
    expect(phoneSockets.opened()).toBeGreaterThan(0);
    expect(phoneSockets.closed()).toBe(0);

    await laptop.getByRole('link', { name: 'Akun saya' }).click();
    await laptop.getByRole('heading', { name: 'Perangkat yang sedang masuk' }).waitFor();
    await laptop.getByText('Perangkat ini').waitFor();
    // The laptop, the phone and the command line's token.
    await expect.poll(() => laptop.locator('.session-item').count()).toBeGreaterThanOrEqual(3);

    await laptop.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
    await laptop.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();

    // The phone's sync connection is closed by the server, and the editor says it was refused.
    await expect.poll(() => phoneSockets.closed()).toBeGreaterThan(0);
    await waitForSyncState(phone, 'refused');
    expect(await syncStatus(phone).getAttribute('data-reason')).toBe('unauthorized');
    expect(await syncStatus(phone).innerText()).toContain('Anda sudah keluar');
    await phone.reload();
    await phone.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();
    expect(await meStatus(server.url, rina.token)).toBe(401);
  });

  it('"Undang lewat email" in the share dialog mails a link that signs a new person in and opens the draft', async () => {
    const sari = await server.addUser('Bu Sari', { email: 'sari@sdmelati.sch.id' });
    const draftId = await createDraftViaApi(server.url, sari.token, 'Modul ajar pecahan');
    const owner = await signIn(sari.link, 'Bu Sari');
    await owner.goto(`${server.url}/editor.html?draft=${encodeURIComponent(draftId)}`);
    await editorArea(owner).waitFor();

    await owner.getByRole('button', { name: 'Bagikan' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Bagikan draf' });
    await dialog.getByLabel('Alamat email yang diundang').fill('budi.mentor@sdmelati.sch.id');
    await dialog.getByLabel('Peran orang yang diundang').selectOption({ label: 'Komentator' });
    await dialog.getByRole('button', { name: 'Kirim undangan' }).click();
    await dialog.getByText('Undangan terkirim ke budi.mentor@sdmelati.sch.id.').waitFor();

    const { link } = readSignInMail(await catcher.next('budi.mentor@sdmelati.sch.id'));
    // He has no account yet: the link asks his name, then opens the draft as a commenter.
    const mentor = await openLink(link);
    await mentor.getByLabel('Nama', { exact: true }).fill('Pak Budi');
    await mentor.getByRole('button', { name: 'Buat akun dan masuk' }).click();
    await mentor.getByRole('heading', { name: 'Modul ajar pecahan' }).waitFor();
    await editorArea(mentor).waitFor();
    await waitForSyncState(mentor, 'synced');
    expect(await editorArea(mentor).getAttribute('aria-readonly')).toBe('true');
    await mentor.getByText('Masuk sebagai Pak Budi').waitFor();
  });
});

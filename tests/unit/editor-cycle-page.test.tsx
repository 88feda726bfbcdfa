// @vitest-environment jsdom
/**
 * The mentoring cycle on the whole draft page (EditorApp, offline, the API answered by a fake
 * fetch): the stepper on top, the view tabs as real links with the active one marked, each view
 * in its place, and "Simpan sebagai templat" for an owner who belongs to a workspace.
 */
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EditorApp } from '../../extension/app/shell/EditorApp';
import type { DraftInfo, MeResponse, TemplateInfo } from '../../shared/protocol/api';
import {
  type ApiRequest,
  api,
  buttonNamed,
  click,
  closePage,
  container,
  draftInfo,
  failure,
  field,
  freshPage,
  json,
  memoryStore,
  mount,
  pageWindow,
  stubLayout,
  unmount,
  until,
  untilDraftOpen,
  untilElement,
} from './support/editor-harness';

const draftAs = (role: DraftInfo['role']) => draftInfo(role, { mediaKind: 'lkpd' });
const SARI_IN_KKG: MeResponse = {
  id: 'u-sari',
  name: 'Bu Sari',
  workspaces: [
    { id: 'ws-kkg-ipa', name: 'KKG IPA Sleman' },
    { id: 'ws-smpn3', name: 'SMPN 3 Depok' },
  ],
};
const saved: TemplateInfo = {
  id: 'ws-lkpd-fotosintesis-7b',
  mediaKind: 'lkpd',
  name: { id: 'LKPD Fotosintesis (7B)', en: 'LKPD Fotosintesis (7B)' },
  description: { id: '', en: '' },
  workspaceId: 'ws-smpn3',
};

function server(role: DraftInfo['role'], me: MeResponse, saveTemplate = () => json(201, { template: saved })) {
  return (request: ApiRequest): Response => {
    if (request.path === '/api/me') return json(200, me);
    if (request.path === '/api/drafts/draft-0001') return json(200, draftAs(role));
    if (request.path === '/api/templates' && request.method === 'POST') return saveTemplate();
    return failure(404, 'not-found', 'not found');
  };
}

/** The draft page at `search`, offline: the draft opens from IndexedDB and no socket is tried. */
const render = (search: string) =>
  mount(<EditorApp store={memoryStore()} win={pageWindow(search, { offline: true })} />);

const tabs = () => [...container.querySelectorAll('nav[aria-label="Bagian draf"] a')] as HTMLAnchorElement[];

beforeAll(stubLayout);

beforeEach(() => {
  freshPage(server('owner', SARI_IN_KKG));
});

afterEach(closePage);

describe('the draft page in the mentoring cycle', () => {
  it('shows the stepper on top and the views as links, "Media" active and the editor in it', async () => {
    api.answer = server('owner', SARI_IN_KKG);
    await render('?draft=draft-0001');
    await untilDraftOpen();
    expect(container.querySelector('[aria-current="step"]')?.textContent).toContain('Analisis kebutuhan');
    expect(tabs().map((tab) => [tab.textContent, tab.getAttribute('href')])).toEqual([
      ['Media', 'editor.html?draft=draft-0001'],
      ['Observasi', 'editor.html?draft=draft-0001&view=observe'],
      ['Refleksi', 'editor.html?draft=draft-0001&view=reflect'],
      ['Tindak lanjut', 'editor.html?draft=draft-0001&view=plan'],
      ['Versi', 'editor.html?draft=draft-0001&view=versions'],
    ]);
    expect(
      tabs()
        .filter((tab) => tab.getAttribute('aria-current') === 'page')
        .map((tab) => tab.textContent),
    ).toEqual(['Media']);
    expect(container.querySelector('[role="textbox"]')?.getAttribute('contenteditable')).toBe('true');
    expect(buttonNamed('Lanjut ke Rancangan & pengembangan →')).toBeDefined();
  });

  it('"?view=reflect" shows the reflection (and no editor), "?view=plan" the plan, with their tab marked', async () => {
    api.answer = server('owner', SARI_IN_KKG);
    await render('?draft=draft-0001&view=reflect');
    await untilDraftOpen({ editor: false });
    await untilElement('.reflection-view h2');
    expect(container.querySelector('h2')?.textContent).toBe('Tahap pendampingan');
    expect(container.querySelector('.reflection-view h2')?.textContent).toBe('Refleksi');
    expect(container.querySelector('[role="textbox"]')).toBeNull();
    expect(tabs().find((tab) => tab.getAttribute('aria-current') === 'page')?.textContent).toBe('Refleksi');
    await unmount();

    await render('?draft=draft-0001&view=plan');
    await untilDraftOpen({ editor: false });
    await untilElement('.plan-view h2');
    expect(container.querySelector('.plan-view h2')?.textContent).toBe('Rencana tindak lanjut');
    expect(buttonNamed('Tambah tindakan')).toBeDefined();
    expect(tabs().find((tab) => tab.getAttribute('aria-current') === 'page')?.textContent).toBe('Tindak lanjut');
  });

  it('"?view=observe" shows the observation view in place of the editor', async () => {
    api.answer = server('commenter', { id: 'u-budi', name: 'Pak Budi' });
    await render('?draft=draft-0001&view=observe');
    await untilDraftOpen({ editor: false });
    await untilElement('.observation-view');
    expect(container.querySelector('.observation-view')).not.toBeNull();
    expect(container.querySelector('.ProseMirror')).toBeNull();
    expect(tabs().find((tab) => tab.getAttribute('aria-current') === 'page')?.textContent).toBe('Observasi');
  });

  it('the owner saves the draft as a template of one of her workspaces and is told it worked', async () => {
    api.answer = server('owner', SARI_IN_KKG);
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await click(buttonNamed('Simpan sebagai templat'));
    const dialog = await untilElement<HTMLDialogElement>('dialog');
    expect(field<HTMLInputElement>('Nama templat', dialog).value).toBe('LKPD Fotosintesis');
    const workspace = field<HTMLSelectElement>('Komunitas', dialog);
    expect([...workspace.options].map((option) => option.textContent)).toEqual(['KKG IPA Sleman', 'SMPN 3 Depok']);
    await act(async () => {
      const name = field<HTMLInputElement>('Nama templat', dialog);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(name, 'LKPD Fotosintesis (7B)');
      name.dispatchEvent(new Event('input', { bubbles: true }));
      workspace.value = 'ws-smpn3';
      workspace.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(buttonNamed('Simpan templat', dialog));
    await untilElement('[role="status"]', dialog);
    expect(api.requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/templates',
      body: { draftId: 'draft-0001', workspaceId: 'ws-smpn3', name: 'LKPD Fotosintesis (7B)' },
    });
    expect(dialog.querySelector('[role="status"]')?.textContent).toBe(
      'Templat “LKPD Fotosintesis (7B)” tersimpan di SMPN 3 Depok.',
    );
    await click(buttonNamed('Tutup', dialog));
    await until(() => !container.querySelector('dialog'), 'the dialog to close');
    expect(container.querySelector('dialog')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Simpan sebagai templat');
  });

  it('a refused save says why in words', async () => {
    api.answer = server('owner', SARI_IN_KKG, () => json(403, { error: { code: 'forbidden', message: 'no' } }));
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await click(buttonNamed('Simpan sebagai templat'));
    await click(await until(() => buttonNamed('Simpan templat'), 'the dialog'));
    await untilElement('dialog [role="alert"]');
    expect(container.querySelector('dialog [role="alert"]')?.textContent).toBe(
      'Templat tidak tersimpan: Anda tidak punya hak untuk ini.',
    );
  });

  it('is not offered to an owner without a workspace, nor to an editor', async () => {
    api.answer = server('owner', { id: 'u-sari', name: 'Bu Sari' });
    await render('?draft=draft-0001');
    await untilDraftOpen();
    expect(buttonNamed('Bagikan')).toBeDefined();
    expect(buttonNamed('Simpan sebagai templat')).toBeUndefined();
    await unmount();

    api.answer = server('editor', SARI_IN_KKG);
    await render('?draft=draft-0001');
    await untilDraftOpen();
    expect(buttonNamed('Simpan sebagai templat')).toBeUndefined();
  });
});

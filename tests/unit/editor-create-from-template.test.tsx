// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../extension/api/api-client';
import { CreateDraftForm } from '../../extension/app/home/CreateDraftForm';
import { I18nProvider } from '../../extension/components/i18n';
import { LanguageSwitch } from '../../extension/components/LanguageSwitch';
import type { Language } from '../../shared/i18n';
import type { CreateDraftRequest, DraftInfo, TemplateInfo } from '../../shared/protocol/api';
import { builtinTemplates } from '../../shared/templates/builtin-templates';
import {
  type ApiRequest,
  api,
  button,
  click,
  container,
  failure,
  field,
  json,
  mount,
  SERVER,
  TOKEN,
  typeInto,
  unmount,
  until,
  untilElement,
  untilText,
} from './support/editor-harness';

const created: DraftInfo = {
  id: 'draft-0002',
  title: 'LKPD Fotosintesis',
  ownerId: 'u-sari',
  ownerName: 'Bu Sari',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
  role: 'owner',
  mediaKind: 'lkpd',
};

const schoolTemplate: TemplateInfo = {
  id: 'ws-lkpd-ipa-7',
  mediaKind: 'lkpd',
  name: { id: 'LKPD IPA kelas 7', en: 'LKPD IPA kelas 7' },
  description: { id: 'Dipakai guru IPA di sekolah kami.', en: 'Used by the science teachers of our school.' },
  workspaceId: 'ws-smpn3',
};

/** The server's API for this form: templates (built-ins + one of the school), who I am, creating a draft. */
function fakeServer(sent: CreateDraftRequest[]): typeof fetch {
  api.requests = [];
  api.answer = (request: ApiRequest) => {
    if (request.path === '/api/templates') {
      const builtins = builtinTemplates.map(({ content: _content, ...info }) => ({ ...info, workspaceId: null }));
      return json(200, { templates: [...builtins, schoolTemplate] });
    }
    if (request.path === '/api/me') {
      return json(200, { id: 'u-sari', name: 'Bu Sari', workspaces: [{ id: 'ws-smpn3', name: 'SMPN 3 Kupang' }] });
    }
    if (request.path === '/api/drafts' && request.method === 'POST') {
      sent.push(request.body as CreateDraftRequest);
      return json(201, created);
    }
    return failure(404, 'not-found', 'no');
  };
  return api.fetch;
}

const offline = () => Promise.reject(new TypeError('Failed to fetch'));

const onCreated = vi.fn();

function Page(props: { fetchImpl: typeof fetch }) {
  const [language, setLanguage] = useState<Language>('id');
  const [api] = useState(() => createApiClient(SERVER, TOKEN, props.fetchImpl));
  return (
    <I18nProvider language={language} onLanguageChange={setLanguage}>
      <LanguageSwitch />
      <CreateDraftForm api={api} onCreated={onCreated} />
    </I18nProvider>
  );
}

function render(fetchImpl: typeof fetch) {
  onCreated.mockReset();
  return mount(<Page fetchImpl={fetchImpl} />);
}

/** The picker once the templates have come (or not, offline). */
const schoolTemplates = () =>
  until(() => radios().some((option) => option.name === 'LKPD IPA kelas 7'), 'the templates');
const builtinsOnly = () => untilText('hanya templat bawaan yang ditampilkan');

afterEach(unmount);

/** The radios of the picker, named as a screen reader names them (aria-labelledby). */
function radios(): { name: string; input: HTMLInputElement }[] {
  return [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((input) => ({
    name: document.getElementById(input.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
    input,
  }));
}

function radio(name: string): HTMLInputElement {
  const found = radios().find((option) => option.name === name);
  if (!found) throw new Error(`no template ${name}`);
  return found.input;
}

function describedBy(input: HTMLInputElement): string {
  return document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

async function create(title: string, label = 'Judul draf baru', buttonName = 'Buat draf') {
  await typeInto(field<HTMLInputElement>(label), title);
  await click(button(buttonName));
}

describe('creating a draft from a template', () => {
  it('the form asks for the kind of media first; picking LKPD creates an LKPD draft in Bahasa Indonesia', async () => {
    const sent: CreateDraftRequest[] = [];
    await render(fakeServer(sent));
    await schoolTemplates();
    expect(container.querySelector('legend')?.textContent).toBe('Jenis media');
    expect(radios().map((option) => option.name)).toEqual([
      'Modul ajar',
      'LKPD',
      'Bahan bacaan',
      'Presentasi',
      'Kosong',
      'LKPD IPA kelas 7',
    ]);
    expect(describedBy(radio('LKPD'))).toMatch(/^Lembar kerja peserta didik.*Bawaan$/);

    await act(async () => radio('LKPD').click());
    expect(radio('LKPD').checked).toBe(true);
    expect(radio('Kosong').checked).toBe(false);
    await create('LKPD Fotosintesis');
    await until(() => onCreated.mock.calls.length > 0, 'the draft to be created');

    expect(sent).toEqual([{ title: 'LKPD Fotosintesis', templateId: 'builtin-lkpd', language: 'id' }]);
    expect(onCreated).toHaveBeenCalledWith('draft-0002');
  });

  it('a teacher who only types a title gets the blank template (needs analysis only)', async () => {
    const sent: CreateDraftRequest[] = [];
    await render(fakeServer(sent));
    await schoolTemplates();
    expect(radio('Kosong').checked).toBe(true);
    await create('Catatan kelas 5');
    await until(() => onCreated.mock.calls.length > 0, 'the draft to be created');
    expect(sent).toEqual([{ title: 'Catatan kelas 5', templateId: 'builtin-blank', language: 'id' }]);
  });

  it("a workspace's template is labelled with its workspace, and in English the draft is made in English", async () => {
    const sent: CreateDraftRequest[] = [];
    await render(fakeServer(sent));
    await schoolTemplates();
    expect(describedBy(radio('LKPD IPA kelas 7'))).toContain('LKPD · Templat SMPN 3 Kupang');

    await act(async () => button('EN').click());
    expect(container.querySelector('legend')?.textContent).toBe('Kind of media');
    expect(radios()[1]?.name).toBe('Student worksheet (LKPD)');
    expect(describedBy(radio('LKPD IPA kelas 7'))).toContain('SMPN 3 Kupang template');

    await act(async () => radio('LKPD IPA kelas 7').click());
    await create('Photosynthesis worksheet', 'New draft title', 'Create draft');
    await until(() => onCreated.mock.calls.length > 0, 'the draft to be created');
    expect(sent).toEqual([{ title: 'Photosynthesis worksheet', templateId: 'ws-lkpd-ipa-7', language: 'en' }]);
  });

  it('offline, the built-in templates are still listed and the form says why creating failed', async () => {
    await render(vi.fn(offline));
    await builtinsOnly();
    expect(radios().map((option) => option.name)).toEqual([
      'Modul ajar',
      'LKPD',
      'Bahan bacaan',
      'Presentasi',
      'Kosong',
    ]);
    for (const { input } of radios()) expect(describedBy(input)).toMatch(/Bawaan$/);
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/hanya templat bawaan yang ditampilkan/);

    await act(async () => radio('LKPD').click());
    await create('LKPD Fotosintesis');
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Server tidak dapat dihubungi/);
    expect(onCreated).not.toHaveBeenCalled();
    // Nothing the teacher chose or typed is lost: once back online they press the button again.
    expect(radio('LKPD').checked).toBe(true);
    expect(field<HTMLInputElement>('Judul draf baru').value).toBe('LKPD Fotosintesis');
  });
});

/**
 * What every clipping test starts from: the real server with a teacher, test pages on loopback,
 * Chromium with the extension signed in as her, and one draft open in an editor tab.
 */
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { createDampingiServer, type DampingiServer } from './dampingi-server';
import { createDraftViaApi, editorArea, waitForSyncState } from './editor-page';
import { signInExtension } from './extension-ui';
import { type PageServer, startPageServer } from './page-server';

export interface ClippingSetup {
  server: DampingiServer;
  pages: PageServer;
  ext: ExtensionBrowser;
  draftTab: Page;
  close(): Promise<void>;
}

export async function startClipping(draftTitle: string, pagesRoot?: string): Promise<ClippingSetup> {
  const server = await createDampingiServer();
  await server.start();
  const teacher = await server.addUser('Bu Sari');
  const pages = await startPageServer(pagesRoot);
  const ext = await launchWithExtension();
  await signInExtension(ext, server.url, teacher.token, 'Bu Sari');
  const draftId = await createDraftViaApi(server.url, teacher.token, draftTitle);
  const draftTab = await ext.context.newPage();
  await draftTab.goto(ext.extensionUrl(`editor.html?draft=${draftId}`));
  await editorArea(draftTab).waitFor();
  await waitForSyncState(draftTab, 'synced');
  return {
    server,
    pages,
    ext,
    draftTab,
    close: async () => {
      await ext.close();
      await pages.close();
      await server.stop();
    },
  };
}

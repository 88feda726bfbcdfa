import { createRoot } from 'react-dom/client';
import { ExtensionPage } from '../../clip/ui/ExtensionPage';
import '../../clip/ui/extension-page.css';
import { PopupPage } from '../popup/PopupPage';

createRoot(document.getElementById('root')!).render(
  <ExtensionPage>
    <PopupPage variant="sidepanel" />
  </ExtensionPage>,
);

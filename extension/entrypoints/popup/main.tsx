import { createRoot } from 'react-dom/client';
import { ExtensionPage } from '../../clip/ui/ExtensionPage';
import { ClipPanel } from '../../clip-panel/ClipPanel';
import '../../clip/ui/extension-page.css';

createRoot(document.getElementById('root')!).render(
  <ExtensionPage>
    <ClipPanel variant="popup" />
  </ExtensionPage>,
);

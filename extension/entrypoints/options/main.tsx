import { createRoot } from 'react-dom/client';
import { ExtensionPage } from '../../clip/ui/ExtensionPage';
import '../../clip/ui/extension-page.css';
import { OptionsPage } from '../../options/OptionsPage';

createRoot(document.getElementById('root')!).render(
  <ExtensionPage>
    <OptionsPage />
  </ExtensionPage>,
);

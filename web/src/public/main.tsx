import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { PublicApp } from './PublicApp';
import './public.css';

/*
 * Entry of the public pages ("/" and /cong-khai/…): React and react-i18next only, so a visitor on a cheap phone
 * downloads a fraction of the officials' app (no antd, no charts, no router).
 */
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PublicApp />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './app.js';
import { createClient } from './client.js';
import { startI18n } from './i18n/index.js';
import './styles.css';

await startI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Provider value={createClient()}>
        <App />
      </Provider>
    </StrictMode>,
  );
}

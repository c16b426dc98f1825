import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './app.js';
import { createClient } from './client.js';
import { startI18n } from './i18n/index.js';
import './styles.css';

/**
 * A new client, with an empty cache, for each session: nothing one collectivity read stays on
 * screen for the next person who signs in on this browser.
 */
function Root() {
  const [client, setClient] = useState(() => createClient());
  return (
    <Provider value={client}>
      <App onSessionChange={() => setClient(createClient())} />
    </Provider>
  );
}

await startI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

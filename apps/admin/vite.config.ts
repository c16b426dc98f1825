import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** In development the API runs on its own port (npm run dev); the dev server forwards to it. */
const api = `http://localhost:${process.env.PORT ?? 4000}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/health': api, '/exports': api, '/calendar': api },
  },
  // The manifest lists each chunk's static imports: scripts/bundle-size.mjs reads it.
  build: { sourcemap: true, target: 'es2022', manifest: true },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// The server serves dist/web and answers /api on the same origin; in dev, Vite proxies /api to it.
const config: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The CSP forbids inline scripts; keep every asset a file.
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
};

export default defineConfig(({ command }) => {
  // A build started from a test process inherits NODE_ENV=test; the bundle must still be React's production build.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type UserConfig } from 'vite';

// The server serves dist/web and answers /api on the same origin; in dev, Vite proxies /api to it.
const config: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // The app shell (HTML, scripts, styles, fonts, body-chart drawings) is precached so a tablet opens
    // without a connection. The API is never cached here: health data is kept only in the encrypted store.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,woff,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/fhir\//],
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once, so screens not yet opened load offline without a
        // reload; a later version still waits for "Reload now" (no skipWaiting).
        clientsClaim: true,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
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

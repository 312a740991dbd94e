import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server (apps/server) serves the built files from apps/web/dist and answers /api;
// in development Vite serves the SPA and forwards /api to it (RELATA_API_URL points elsewhere than :3000).
const apiTarget = process.env.RELATA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});

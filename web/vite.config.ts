import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = 'http://localhost:3000';
const outDir = path.join(here, 'dist');

/**
 * Writes .br and .gz next to each built script, style sheet and page, which the server sends as they are
 * (@fastify/static preCompressed): a phone on a slow network downloads a quarter of the bytes, and the server does
 * no compression work per request.
 */
function precompress(): Plugin {
  let builtDir = outDir;
  return {
    name: 'kps-precompress',
    apply: 'build',
    configResolved(config) {
      // --outDir on the command line (a private build for a test) must be honoured here too.
      builtDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(builtDir)) {
        if (!/\.(js|css|html|svg|json|webmanifest)$/.test(file)) continue;
        const body = fs.readFileSync(file);
        if (body.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
      }
    },
  };
}

/**
 * `virtual:landing-strings`: the programme texts (app name, landing) picked out of the app's locale files at build
 * time. The public pages reuse those texts without pulling the app's whole locale files into their bundle.
 */
function landingStrings(): Plugin {
  const id = 'virtual:landing-strings';
  const resolved = `\0${id}`;
  const localeFile = (language: string) => path.join(here, 'src', 'locales', `${language}.json`);
  return {
    name: 'kps-landing-strings',
    resolveId: (source) => (source === id ? resolved : null),
    load(source) {
      if (source !== resolved) return null;
      const pick = (language: string) => {
        this.addWatchFile(localeFile(language));
        const all = JSON.parse(fs.readFileSync(localeFile(language), 'utf8')) as Record<string, unknown>;
        return JSON.stringify({ app: all.app, landing: all.landing });
      };
      return `export const vi = ${pick('vi')};\nexport const en = ${pick('en')};\n`;
    },
  };
}

// Root is web/ so the pages and public/ live next to this file; the server serves web/dist. Two pages: index.html
// is the officials' app (antd, router, charts); public.html is the visitors' pages, React and i18next only.
export default defineConfig({
  root: here,
  plugins: [react(), landingStrings(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // antd is split per route by React.lazy; the shared vendor chunk stays around 400 kB raw.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      input: {
        main: path.join(here, 'index.html'),
        public: path.join(here, 'public.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});

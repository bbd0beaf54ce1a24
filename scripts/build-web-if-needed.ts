import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

/** Builds web/dist when it is missing or older than any file of the web sources or shared domain schemas. */
export function buildWebIfNeeded(root = process.cwd()): boolean {
  const index = path.join(root, 'web/dist/index.html');
  const sources = ['web/src', 'web/index.html', 'web/public.html', 'web/vite.config.ts', 'domain']
    .map((p) => path.join(root, p))
    .filter((p) => fs.existsSync(p));
  const sourceTime = Math.max(
    ...sources.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)),
  );
  // A dist built before the visitors' page existed lacks public.html: build again.
  const hasPublic = fs.existsSync(path.join(root, 'web/dist/public.html'));
  if (hasPublic && fs.existsSync(index) && fs.statSync(index).mtimeMs >= sourceTime) return false;
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  return true;
}

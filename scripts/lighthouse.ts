import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import lighthouse from 'lighthouse';
import { buildWebIfNeeded } from './build-web-if-needed.js';
import { CHROMIUM_BASE_FLAGS, serveDemo } from './demo-server.js';

/*
 * `npm run lighthouse`: the public pages ("/", a ward, a hamlet) against the budget of issue 5 — Lighthouse 12
 * performance ≥ 90 and accessibility ≥ 95 (mobile preset, default simulated throttling), and ≤ 150 KB of gzipped
 * JavaScript per page. Starts the real server over a fresh demo database, drives Debian's Chromium, prints one
 * `LIGHTHOUSE <page> performance=… accessibility=… js_kb_gz=…` line per page (medians of RUNS runs) and exits 1
 * when a page misses a target. The e2e test e2e/public-scorecards.e2e.ts uses the same helpers.
 */

export const TARGETS = { performance: 90, accessibility: 95, jsKbGz: 150 };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The e2e harness's flags (scripts/demo-server.ts) plus what Lighthouse needs to get a painted page. */
const CHROMIUM_FLAGS = [
  '--headless=new',
  ...CHROMIUM_BASE_FLAGS,
  '--disable-dev-shm-usage',
  // A headless page counts as hidden to some of Chromium's power savers, which then never paint it (NO_FCP).
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export interface Chromium {
  port: number;
  close(): Promise<void>;
}

/** Debian's Chromium with a DevTools port for Lighthouse (no browser download is possible on these machines). */
export async function launchChromium(
  executable = process.env.CHROME_PATH ?? '/usr/bin/chromium',
): Promise<Chromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kps-lighthouse-'));
  const child: ChildProcess = spawn(
    executable,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  return {
    port,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      // Chromium's helper processes may still be writing into the profile for a moment after the browser exits;
      // a leftover temp folder must not fail the audit.
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        console.warn(`could not remove ${profile}: ${(error as Error).message}`);
      }
    },
  };
}

export interface PageAudit {
  performance: number;
  accessibility: number;
  /** Sum over the page's script requests of each body gzipped with zlib, in KB (1,024 bytes). */
  jsKbGz: number;
  /** The same scripts as they crossed the wire (the server sends pre-compressed Brotli), in KB. */
  jsKbTransfer: number;
  failedAudits: string[];
}

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

/** gzip size of scripts fetched again from the server, so the figure does not depend on how they were sent. */
export async function gzippedKb(urls: string[]): Promise<number> {
  let bytes = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    bytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return bytes / 1024;
}

/** One Lighthouse run (mobile preset, simulated throttling: Lighthouse's defaults) on a page. */
export async function auditPage(url: string, port: number): Promise<PageAudit> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ??
    []) as NetworkItem[];
  const scripts = items.filter((i) => i.resourceType === 'Script');
  const failedAudits = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
    .map((a) => `${a.id}=${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    jsKbGz: await gzippedKb(scripts.map((s) => s.url)),
    jsKbTransfer: scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0) / 1024,
    failedAudits,
  };
}

/**
 * One audit in a fresh browser. A run that fails outright (Chromium occasionally reports NO_FCP for a headless tab
 * on a busy machine) is tried once more before giving up.
 */
export async function auditInFreshBrowser(url: string): Promise<PageAudit> {
  for (let attempt = 1; ; attempt += 1) {
    const chromium = await launchChromium();
    try {
      return await auditPage(url, chromium.port);
    } catch (error) {
      if (attempt >= 2) throw error;
      console.log(`  retrying ${url}: ${(error as Error).message}`);
    } finally {
      await chromium.close();
    }
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function meetsTargets(audit: Pick<PageAudit, 'performance' | 'accessibility' | 'jsKbGz'>): boolean {
  return (
    audit.performance >= TARGETS.performance &&
    audit.accessibility >= TARGETS.accessibility &&
    audit.jsKbGz <= TARGETS.jsKbGz
  );
}

/** The server as `npm start` runs it, over a throwaway SQLite file seeded with the demo city. */
export async function startDemoServer() {
  buildWebIfNeeded(root);
  // Served from a copy: other work in this checkout may rebuild web/dist (new file names) while the audits run.
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'kps-lighthouse-dist-'));
  fs.cpSync(path.join(root, 'web', 'dist'), webDist, { recursive: true });
  const server = await serveDemo(path.join(os.tmpdir(), `kps-lighthouse-${process.pid}.db`), webDist);
  return {
    baseURL: server.baseURL,
    close: async () => {
      await server.close();
      fs.rmSync(webDist, { recursive: true, force: true });
    },
  };
}

/** "/", the first ward and that ward's first hamlet, read from the public API. */
export async function publicPages(baseURL: string): Promise<Array<{ name: string; url: string }>> {
  const city = (await (await fetch(`${baseURL}/api/public/city`)).json()) as { wards: Array<{ id: number }> };
  const wardId = city.wards[0].id;
  const ward = (await (await fetch(`${baseURL}/api/public/units/${wardId}`)).json()) as {
    hamlets: Array<{ id: number }>;
  };
  return [
    { name: 'city', url: `${baseURL}/` },
    { name: 'ward', url: `${baseURL}/cong-khai/don-vi/${wardId}` },
    { name: 'hamlet', url: `${baseURL}/cong-khai/don-vi/${ward.hamlets[0].id}` },
  ];
}

async function main(): Promise<number> {
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
  const server = await startDemoServer();
  let failed = false;
  try {
    for (const page of await publicPages(server.baseURL)) {
      const audits: PageAudit[] = [];
      // A fresh browser per run: nothing cached or left running from the previous one.
      for (let i = 0; i < runs; i += 1) audits.push(await auditInFreshBrowser(page.url));
      const summary = {
        performance: median(audits.map((a) => a.performance)),
        accessibility: median(audits.map((a) => a.accessibility)),
        jsKbGz: median(audits.map((a) => a.jsKbGz)),
      };
      const transfer = median(audits.map((a) => a.jsKbTransfer));
      const ok = meetsTargets(summary);
      if (!ok) failed = true;
      console.log(
        `LIGHTHOUSE ${page.name} performance=${summary.performance} accessibility=${summary.accessibility} ` +
          `js_kb_gz=${summary.jsKbGz.toFixed(1)} js_kb_transfer=${transfer.toFixed(1)} ` +
          `runs=${audits.map((a) => `${a.performance}/${a.accessibility}`).join(',')} ${ok ? 'ok' : 'UNDER TARGET'}`,
      );
      const failing = [...new Set(audits.flatMap((a) => a.failedAudits))];
      if (failing.length > 0) console.log(`  audits under 0.9: ${failing.join('; ')}`);
    }
  } finally {
    await server.close();
  }
  console.log(
    `targets: performance>=${TARGETS.performance} accessibility>=${TARGETS.accessibility} js_kb_gz<=${TARGETS.jsKbGz}`,
  );
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

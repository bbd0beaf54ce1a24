/**
 * `npm run bench -- <name> [options]`: runs one benchmark (or all). Each prints its figures as a ratio against a
 * limit measured in the same run, and ends with `BENCH <name> ratio=<r> target=<t> peak_rss_mb=<m>` lines.
 */
const benches: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  assessment: () => import('./assessment.js'),
  import: () => import('./import.js'),
};

const [requested, ...args] = process.argv.slice(2);
const chosen = requested ? [requested] : Object.keys(benches);
for (const bench of chosen) {
  if (!benches[bench]) {
    console.error(`Unknown benchmark "${bench}". Known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await (await benches[bench]()).run(args);
}

export {};

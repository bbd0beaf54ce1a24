import { parseArgs } from 'node:util';
import { helpTexts, type HelpTopic } from './help.js';
import { runCommand } from './commands.js';

/**
 * Entry of `npm run cli -- …`. Parses the command words and options, prints help in the chosen language,
 * and exits non-zero on any failure so scripts can rely on it.
 */
const argv = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: argv,
  allowPositionals: true,
  strict: false,
  options: {
    help: { type: 'boolean', short: 'h' },
    lang: { type: 'string' },
    'dry-run': { type: 'boolean' },
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    scope: { type: 'string', multiple: true },
    password: { type: 'string' },
  },
});
const lang: 'vi' | 'en' =
  values.lang === 'en' ||
  (values.lang === undefined && /^en/i.test(process.env.LANG ?? '') && !/^vi/i.test(process.env.LANG ?? ''))
    ? 'en'
    : 'vi';
const topic = positionals.slice(0, 2).join(' ');

if (positionals.length === 0 || (values.help && !(topic in helpTexts))) {
  console.log(helpTexts.main[lang]);
  process.exit(positionals.length === 0 && !values.help ? 1 : 0);
}
if (values.help) {
  console.log(helpTexts[topic as HelpTopic][lang]);
  process.exit(0);
}
if (!(topic in helpTexts) || topic === 'main') {
  console.error(lang === 'vi' ? `Lệnh không tồn tại: ${topic}\n` : `Unknown command: ${topic}\n`);
  console.error(helpTexts.main[lang]);
  process.exit(2);
}

try {
  const code = await runCommand(topic as Exclude<HelpTopic, 'main'>, positionals.slice(2), values, lang);
  process.exit(code);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

#!/usr/bin/env node
// Run by `npm test` before the suite: browser tests drive Debian's Chromium (never a downloaded browser) with CJK
// fonts. When either is missing, root installs them with apt-get; anyone else gets one line saying what to run.
// CHROMIUM_PATH points the tests at another Chromium (then nothing is installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const packages = ['chromium', 'fonts-noto-cjk'];
const installCommand = `apt-get install -y ${packages.join(' ')}`;

const installed = (name) => spawnSync('dpkg-query', ['-W', '-f', '${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;
const missing = process.env.CHROMIUM_PATH
  ? existsSync(chromium) ? [] : [chromium]
  : packages.filter((name) => !installed(name) || (name === 'chromium' && !existsSync(chromium)));

if (missing.length === 0) process.exit(0);
if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${chromium} does not exist: point it at a Chromium binary, or unset it to use Debian's ${installCommand}`);
if (typeof process.getuid !== 'function' || process.getuid() !== 0 || !existsSync('/usr/bin/apt-get')) {
  fail(`browser tests need Debian's Chromium and CJK fonts (${missing.join(', ')} missing): run \`sudo ${installCommand}\`, then npm test again`);
}
console.log(`npm test: installing ${missing.join(' and ')} for the browser tests (${installCommand}) …`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
} catch (error) {
  fail(`installing ${packages.join(' and ')} failed (${error.message.split('\n')[0]}): run \`${installCommand}\` by hand, then npm test again`);
}
if (!existsSync(chromium)) fail(`apt-get installed chromium but ${chromium} is still missing: run \`${installCommand}\` by hand`);
const version = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'chromium'], { encoding: 'utf8' }).stdout;
console.log(`npm test: Debian's chromium ${version} and fonts-noto-cjk installed`);

function fail(line) {
  console.error(`npm test: ${line}`);
  process.exit(1);
}

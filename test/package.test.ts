/**
 * The package as embedders get it: `npm pack` of the built dist/, installed into a scratch project outside this
 * checkout (so nothing resolves to the checkout's node_modules), then used from plain Node ESM, the CLI, a type
 * check against the shipped types, and a Vite + React app rendered in Chromium. `npm test` builds dist/ first.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { projectRoot } from './support/catalogue.ts';

const exec = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
const npm = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? [process.execPath, process.env.npm_execpath] : ['npm'];
const run = (cwd: string, command: string[], timeout = 120_000) => exec(command[0]!, command.slice(1), { cwd, timeout, maxBuffer: 64 * 1024 * 1024 });

// The consumer's own manifest: the tarball, React for the form, types for the type check. Installing it builds
// better-sqlite3 from source (~1.5 min), so the installed project is kept in the temp folder, keyed by everything
// that shapes the install, and only the onematter tarball is replaced on later runs.
const consumerManifest = {
  name: 'onematter-consumer',
  private: true,
  type: 'module',
  dependencies: { onematter: 'file:../onematter.tgz', react: '^19.0.0', 'react-dom': '^19.0.0', '@types/react': '^19.0.0', '@types/react-dom': '^19.0.0', '@types/node': '^20.0.0' },
  allowScripts: { 'better-sqlite3': true },
};
const key = createHash('sha256').update(JSON.stringify([consumerManifest, pkg.dependencies, pkg.peerDependencies, pkg.overrides, process.version])).digest('hex').slice(0, 16);
const work = join(tmpdir(), `onematter-package-${key}`);
const consumer = join(work, 'consumer');
let files: string[] = [];

beforeAll(async () => {
  expect(existsSync(join(projectRoot, 'dist/engine/index.js')), 'dist/ is not built: run `npm run build` (npm test does)').toBe(true);
  mkdirSync(consumer, { recursive: true });
  const { stdout } = await run(projectRoot, [...npm, 'pack', '--json', '--ignore-scripts', '--pack-destination', work]);
  const packed = JSON.parse(stdout)[0] as { filename: string; files: { path: string }[] };
  files = packed.files.map((f) => f.path);
  cpSync(join(work, packed.filename), join(work, 'onematter.tgz'));
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify(consumerManifest, null, 2)}\n`);
  rmSync(join(consumer, 'node_modules/onematter'), { recursive: true, force: true });
  rmSync(join(consumer, 'package-lock.json'), { force: true }); // the tarball's integrity changes with every build
  await run(consumer, [...npm, 'install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], 600_000);
  rmSync(join(consumer, 'definitions'), { recursive: true, force: true });
  cpSync(join(projectRoot, 'definitions'), join(consumer, 'definitions'), { recursive: true });
}, 660_000);

describe('the packed package', () => {
  it('ships built JavaScript with types, source maps and the SQLite migrations, and no TypeScript sources or tests', () => {
    const built = files.filter((f) => f.startsWith('dist/'));
    expect(built).toContain('dist/engine/index.js');
    expect(built).toContain('dist/engine/index.d.ts');
    expect(built).toContain('dist/engine/index.js.map');
    expect(built).toContain('dist/runtime/form/MatterForm.js');
    expect(built).toContain('dist/engine/model/definition.schema.json');
    expect(built.some((f) => /^dist\/runtime\/store\/sqlite\/migrations\/\d{4}_.*\.sql$/.test(f))).toBe(true);
    expect(files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /(^|\/)test\/|\.test\./.test(f) || f.startsWith('runtime/web/') || f.startsWith('dist/runtime/server/'))).toEqual([]);
    for (const entry of Object.values(pkg.exports) as (string | { types: string; default: string })[]) {
      for (const path of typeof entry === 'string' ? [entry] : [entry.types, entry.default]) expect(files, path).toContain(path.replace(/^\.\//, ''));
    }
  });

  it('imports the engine and the runtime from plain Node ESM and runs a case to a verified certificate', async () => {
    writeFileSync(join(consumer, 'run-case.mjs'), `
import { readdirSync, readFileSync } from 'node:fs';
import { score, diffContextOf, validateSources } from 'onematter';
import { createRuntime, demoCitizens, openSqliteStore } from 'onematter/runtime';
const files = readdirSync('definitions', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
const { catalogue, problems } = validateSources(files.map((f) => ({ file: f, text: readFileSync('definitions/' + f, 'utf8') })));
const permit = (r) => catalogue.definitions.find((d) => d.file === 'matters/residence-permit/' + r + '.json').value;
console.log('problems', problems.length, 'score', score(permit('ningbo'), permit('baseline'), diffContextOf(catalogue)).toFixed(1));
const runtime = await createRuntime({ store: openSqliteStore({ path: process.argv[2] }), catalogue });
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const started = await runtime.startCase({ matterId: '330000-GA-0101', region: '330000', applicant: applicant.id });
const data = started.record.data;
let view = await runtime.submit(started.record.id, { ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } }, applicant, 1);
view = await runtime.act(view.record.id, { type: 'ACCEPT' }, { id: 'clerk-1', role: 'clerk' }, view.record.revision);
view = await runtime.act(view.record.id, { type: 'APPROVE' }, { id: 'approver-1', role: 'approver' }, view.record.revision);
console.log(view.record.state, JSON.stringify(runtime.verifyCertificate(view.certificates[0].document)), JSON.stringify(await runtime.verifyAudit(view.record.id)));
`);
    const database = join(work, `cases-${process.pid}.sqlite`);
    try {
      const { stdout, stderr } = await run(consumer, [process.execPath, 'run-case.mjs', database]);
      expect(stdout).toBe('problems 0 score 86.6\napproved {"ok":true} {"ok":true,"events":4}\n');
      expect(stderr).toBe(''); // no experimental-feature or engine warnings
      expect(statSync(database).size).toBeGreaterThan(0);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
    }
  }, 120_000);

  it('renders MatterForm from plain Node (server-side) without a TypeScript loader or JSX setup', async () => {
    writeFileSync(join(consumer, 'render.mjs'), `
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MatterForm } from 'onematter/form';
const definition = JSON.parse(readFileSync('definitions/matters/residence-permit/baseline.json', 'utf8'));
const shared = ['address', 'division-code', 'id-number', 'mobile-phone'].map((n) => JSON.parse(readFileSync('definitions/schemas/' + n + '.json', 'utf8')));
console.log(renderToString(createElement(MatterForm, { definition, locale: 'en', formData: {}, locked: {}, waived: [], sharedSchemas: shared })));
`);
    const { stdout } = await run(consumer, [process.execPath, 'render.mjs']);
    expect(stdout).toContain('<form');
    expect(stdout).toContain('Mobile');
  }, 60_000);

  it('runs the CLI from the built JavaScript', async () => {
    const bin = join(consumer, 'node_modules/.bin/onematter');
    expect((await run(consumer, [bin, '--version'])).stdout).toBe(`onematter ${pkg.version}\n`);
    expect((await run(consumer, [bin, 'validate', 'definitions'])).stdout).toMatch(/✔ \d+ files valid/);
    expect(existsSync(join(consumer, 'node_modules/onematter/runtime/cli/main.ts'))).toBe(false);
    expect(existsSync(join(consumer, 'node_modules/tsx'))).toBe(false); // the package runs without a TypeScript loader
  }, 60_000);

  it('type-checks a consumer against the shipped types (their own errors included) and catches a wrong call', async () => {
    writeFileSync(join(consumer, 'consumer.tsx'), `
import { diff, validateSources, type Change, type MatterDefinition, type Problem } from 'onematter';
import { definitionSchema, type Material } from 'onematter/model';
import { ConflictError, createRuntime, openSqliteStore, type CaseView, type Runtime } from 'onematter/runtime';
import { MatterForm } from 'onematter/form';

export async function check(def: MatterDefinition): Promise<Change[]> {
  const problems: readonly Problem[] = validateSources([]).problems;
  const runtime: Runtime = await createRuntime({ store: openSqliteStore({ path: ':memory:' }) });
  const view: CaseView = await runtime.getCase('x');
  const first: Material | undefined = def.materials[0];
  void [problems, view, first, ConflictError, definitionSchema.$id];
  return diff(def, def);
}
export const form = <MatterForm definition={{} as MatterDefinition} locale="zh" formData={{}} locked={{}} waived={[]} />;
// @ts-expect-error the runtime has no such method
export const wrong = (r: Runtime) => r.frobnicate();
`);
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, jsx: 'react-jsx', skipLibCheck: false, types: ['node'] },
      include: ['consumer.tsx'],
    }));
    const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');
    await run(consumer, [process.execPath, tsc, '-p', 'tsconfig.json']); // throws with tsc's errors on stdout
    writeFileSync(join(consumer, 'consumer.tsx'), readFileSync(join(consumer, 'consumer.tsx'), 'utf8').replace('locale="zh"', 'locale="fr"'));
    const failed = await run(consumer, [process.execPath, tsc, '-p', 'tsconfig.json']).catch((e: { stdout: string }) => e);
    expect((failed as { stdout: string }).stdout).toMatch(/consumer\.tsx.*error TS2322.*"fr"/);
  }, 120_000);

  describe('in a Vite + React app', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      const app = join(consumer, 'app');
      rmSync(app, { recursive: true, force: true });
      mkdirSync(app);
      writeFileSync(join(app, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,"></head><body><main id="root"></main><script type="module" src="./main.js"></script></body></html>\n');
      writeFileSync(join(app, 'main.js'), `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MatterForm } from 'onematter/form';
import definition from '../definitions/matters/residence-permit/baseline.json';
const shared = import.meta.glob('../definitions/schemas/*.json', { eager: true, import: 'default' });
createRoot(document.getElementById('root')).render(createElement(MatterForm, { definition, locale: 'zh', formData: {}, locked: {}, waived: [], sharedSchemas: Object.values(shared) }));
`);
      // the checkout's Vite builds the app; every import of the app resolves in the consumer's node_modules
      await run(consumer, [process.execPath, join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', 'app', '--logLevel', 'error']);
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
      server = createServer((request, reply) => {
        const path = join(app, 'dist', request.url === '/' ? 'index.html' : request.url!.split('?')[0]!.replace(/\.\./g, ''));
        if (!existsSync(path) || !statSync(path).isFile()) return void reply.writeHead(404).end();
        reply.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    }, 120_000);
    afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    it('builds and renders MatterForm in Chromium with no errors', async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        await page.goto(url);
        await page.getByRole('textbox', { name: /手机号码/ }).waitFor({ timeout: 20_000 });
        expect(await page.locator('form input').count()).toBeGreaterThan(3);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});

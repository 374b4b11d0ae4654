/**
 * The province's scale in a store: the real catalogue published as the server would, plus 3,638 synthetic baselines
 * (their bodies from the synthetic generator) and 200,000 regional variants of them in the catalogue index, spread
 * over Zhejiang's real cities and counties. The variants' bodies are not written: at 10–20 KB each they would make a
 * multi-gigabyte file, and browsing the catalogue never reads a body.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { definitionHash } from '../../runtime/cases/runtime.ts';
import { openSqliteStore } from '../../runtime/store/sqlite/store.ts';
import type { RegionCatalogue } from '../../engine/index.ts';
import { realCatalogue, projectRoot } from '../support/catalogue.ts';
import { rng, syntheticBaseline } from './synthetic.ts';

export const scale = { baselines: 3638, variants: 200_000 } as const;

const topics = ['居住证', '驾驶证', '社会保险', '公积金', '出生登记', '营业执照', '不动产登记', '医疗保险', '婚姻登记', '就业登记', '残疾人证', '退役军人', '教师资格', '职业资格', '户口迁移'];
const topicsEn = ['residence permit', 'driving licence', 'social insurance', 'provident fund', 'birth registration', 'business licence', 'real estate registration', 'medical insurance', 'marriage registration', 'employment registration', 'disability card', 'veterans', 'teacher qualification', 'vocational qualification', 'household transfer'];
const actions = ['申领', '换领', '变更', '注销', '补领', '查询', '转移', '备案'];
const actionsEn = ['application', 'renewal', 'change', 'cancellation', 'replacement', 'inquiry', 'transfer', 'filing'];
const departments = ['浙江省公安厅', '浙江省人力资源和社会保障厅', '浙江省住房和城乡建设厅', '浙江省市场监督管理局', '浙江省自然资源厅', '浙江省医疗保障局', '浙江省民政厅', '浙江省教育厅'];

/** Seeds a fresh SQLite store at `path` at the province's scale; returns how many catalogue entries it holds. */
export async function seedScaleCatalogue(path: string): Promise<number> {
  const store = openSqliteStore({ path });
  for (const { value: d } of realCatalogue.catalogue.definitions) {
    await store.publish({ id: d.id, version: d.version, region: d.region.code, hash: definitionHash(d), definition: d, publishedAt: 1 });
  }
  await store.close();
  const regions = (JSON.parse(readFileSync(`${projectRoot}definitions/regions.json`, 'utf8')) as RegionCatalogue).regions.filter((r) => r.level !== 'province');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const definition = db.prepare('insert into definitions (id, version, region, hash, body, published_at, published_by) values (?, ?, ?, ?, ?, ?, ?)');
  const entry = db.prepare(`insert into catalogue (id, region, version, kind, level, region_name, title_zh, title_en, department, baseline_version, hash, published_at, published_by)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // bulk load: the search index's insert trigger is set aside and the index rebuilt once at the end (4× faster)
  const trigger = (db.prepare("select sql from sqlite_master where type = 'trigger' and name = 'catalogue_fts_insert'").get() as { sql: string }).sql;
  db.exec('drop trigger catalogue_fts_insert');
  const r = rng(42);
  const perBaseline = Math.floor(scale.variants / scale.baselines);
  let extra = scale.variants - perBaseline * scale.baselines;
  db.transaction(() => {
    for (let i = 0; i < scale.baselines; i++) {
      const base = syntheticBaseline(i);
      const t = i % topics.length;
      const a = Math.floor(i / topics.length) % actions.length;
      base.title = { zh: `${topics[t]}${actions[a]}（${i}）`, en: `${topicsEn[t]} ${actionsEn[a]} (${i})` };
      base.department = { name: { zh: departments[i % departments.length]!, en: 'Provincial department' } };
      const hash = definitionHash(base);
      definition.run(base.id, base.version, '330000', hash, JSON.stringify(base), 1, 'official');
      entry.run(base.id, '330000', base.version, 'baseline', 'province', '浙江省 Zhejiang', base.title.zh, base.title.en, base.department.name.zh, null, hash, 1, 'official');
      const count = perBaseline + (extra-- > 0 ? 1 : 0);
      const start = r.int(0, regions.length - 1);
      for (let j = 0; j < count; j++) {
        const region = regions[(start + j) % regions.length]!;
        const code = j < regions.length ? region.code : `${region.code}${String(100 + j).slice(-3)}`; // townships beyond the counties
        entry.run(base.id, code, base.version, 'variant', j < regions.length ? region.level : 'township', `${region.name.zh} ${region.name.en}`, base.title.zh, base.title.en, base.department.name.zh, base.version, `v${i}-${j}`, 2, 'official');
      }
    }
  })();
  db.exec(`insert into catalogue_fts(catalogue_fts) values ('rebuild'); ${trigger};`);
  const total = (db.prepare('select count(*) as n from catalogue').get() as { n: number }).n;
  db.close();
  return total;
}

import { dialectOf, formDialect } from '../dialect.ts';
import { importRule } from '../rule.ts';

const q = (v: unknown) => JSON.stringify(v);

/** `$schema` of another dialect is dropped: the converted form is 2020-12, the only dialect onematter compiles forms in. */
export const schemaDialectRule = importRule({
  name: 'schema-dialect',
  changes: {
    'import.schema-spelled': {
      en: (p) => `"$schema": ${q(p.from)} is spelled ${q(p.to)}, the URI of 2020-12's meta-schema, the one onematter compiles forms with`,
      zh: (p) => `"$schema": ${q(p.from)} 改写为 ${q(p.to)}，即系统编译表单所用的 2020-12 元模式的 URI`,
    },
    'import.schema-dropped': {
      en: (p) => `"$schema": ${q(p.from)} removed: the form is now JSON Schema 2020-12, the only dialect onematter compiles forms in (what that dialect spells differently is converted, each change listed)`,
      zh: (p) => `已删除 "$schema": ${q(p.from)}：表单现为 JSON Schema 2020-12，这是系统编译表单的唯一版本（该版本写法不同之处均已转换，逐项列出）`,
    },
  },
  apply(node, ctx) {
    if (!Object.hasOwn(node, '$schema')) return;
    const dialect = dialectOf(node.$schema);
    // a 2020-12 form keeps saying so at its root; an embedded resource's $schema goes with its $id
    if (dialect === '2020-12' && ctx.isRoot) {
      if (node.$schema !== formDialect) ctx.change('import.schema-spelled', '/$schema', { from: node.$schema, to: formDialect }, '/$schema');
      node.$schema = formDialect;
      return;
    }
    if (dialect === 'unknown') ctx.problem('import.unknown-dialect', '/$schema', { schema: node.$schema });
    ctx.change('import.schema-dropped', '/$schema', { from: node.$schema });
    delete node.$schema;
  },
});

/**
 * A child process that drives cases on a SQLite file, for the crash and concurrency tests. It prints a line after
 * each committed write, so the parent knows what must survive a SIGKILL.
 *   loop <file>            start cases and move them through the process until killed
 *   race <file> <ids...>   try ACCEPT on each case at revision 2; print "won <id>" or "lost <id>"
 */
import { ConflictError } from '../../runtime/cases/errors.ts';
import { createRuntime } from '../../runtime/cases/runtime.ts';
import { demoCitizens } from '../../runtime/shared-data/demo.ts';
import { openSqliteStore } from '../../runtime/store/sqlite/store.ts';
import { realCatalogue } from './catalogue.ts';

const [mode, file, ...rest] = process.argv.slice(2);
const runtime = await createRuntime({ store: openSqliteStore({ path: file!, busyTimeoutMs: 10_000 }), catalogue: realCatalogue.catalogue });
const permit = { matterId: '330000-GA-0101', region: '330000' };
const applicant = { id: demoCitizens.zhangWei, role: 'applicant' };
const complete = (data: any) => ({ ...data, applicant: { ...data.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } });
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'loop') {
  for (let i = 0; ; i++) {
    const c = await runtime.startCase({ ...permit, applicant: demoCitizens.zhangWei });
    say(`committed ${c.record.id} 1`);
    let v = await runtime.submit(c.record.id, complete(c.record.data), applicant, 1);
    say(`committed ${c.record.id} ${v.record.revision}`);
    v = await runtime.act(c.record.id, { type: 'ACCEPT' }, { id: 'clerk', role: 'clerk' }, v.record.revision);
    say(`committed ${c.record.id} ${v.record.revision}`);
    v = await runtime.act(c.record.id, { type: i % 3 ? 'APPROVE' : 'REJECT', note: 'n' }, { id: 'approver', role: 'approver' }, v.record.revision);
    say(`committed ${c.record.id} ${v.record.revision}`);
  }
} else if (mode === 'race') {
  say('ready');
  for (const id of rest) {
    try {
      await runtime.act(id, { type: 'ACCEPT' }, { id: `clerk-${process.pid}`, role: 'clerk' }, 2);
      say(`won ${id}`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      say(`lost ${id}`);
    }
  }
  await runtime.store.close();
}

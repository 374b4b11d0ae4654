import { join } from '../../../json/pointer.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';
import { memberFix } from '../situation.ts';

const methodZh: Record<string, string> = { electronic: '电子送达', mail: '邮寄', window: '窗口领取', 'self-service': '自助终端领取' };

/**
 * How an output reaches the applicant (送达方式): a delivery method fewer is more burden (`weights.delivery`), an
 * extra one less. Stated on one side only, the methods cannot be compared: neutral.
 */
export const outputDeliveryRule: DefinitionRule = {
  code: 'service.output-delivery',
  area: 'service',
  scope: 'definition',
  reads: ['/outputs'],
  describe: {
    en: (p) => (p.kind === 'added' ? `also delivers “${p.name}” by ${p.method}` : p.kind === 'removed' ? `does not deliver “${p.name}” by ${p.method}` : `${p.stated ? 'states' : 'does not state'} how “${p.name}” is delivered`),
    zh: (p) => (p.kind === 'added' ? `办理结果“${p.nameZh}”增加送达方式：${methodZh[String(p.method)] ?? p.method}` : p.kind === 'removed' ? `办理结果“${p.nameZh}”缺少送达方式：${methodZh[String(p.method)] ?? p.method}` : `办理结果“${p.nameZh}”${p.stated ? '说明了' : '未说明'}送达方式`),
  },
  compare(a, b, emit) {
    const ob = new Map(b.outputs.map((o, i) => [o.id, { o, i }]));
    a.outputs.forEach((o, i) => {
      const found = ob.get(o.id);
      if (!found || o.delivery === found.o.delivery) return;
      const [da, db] = [o.delivery, found.o.delivery];
      const base = { id: o.id, name: o.name.en, nameZh: o.name.zh };
      if (da === undefined || db === undefined) {
        emit({ kind: 'changed', path: join('/outputs', i, 'delivery'), burden: 'neutral', weight: 0, params: { ...base, kind: 'changed', stated: da !== undefined }, fix: [memberFix(join('/outputs', i, 'delivery'), db)] });
        return;
      }
      da.forEach((method, j) => {
        if (!db.includes(method)) emit({ kind: 'added', path: join('/outputs', i, 'delivery', j), burden: 'less', weight: weights.delivery, params: { ...base, kind: 'added', method }, fix: [{ op: 'pull', path: join('/outputs', i, 'delivery'), match: method }] });
      });
      db.forEach((method, j) => {
        if (!da.includes(method)) emit({ kind: 'removed', path: join('/outputs', found.i, 'delivery', j), burden: 'more', weight: weights.delivery, params: { ...base, kind: 'removed', method }, fix: [{ op: 'push', path: join('/outputs', i, 'delivery'), value: method }] });
      });
    });
  },
};

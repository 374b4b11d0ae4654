/** Channels, outputs and acceptance conditions: what the applicant can use, gets, and must meet. */
import { join } from '../../../json/pointer.ts';
import { jsonEqual } from '../../../json/equal.ts';
import { memberOf } from '../../lookup.ts';
import type { DefinitionRule } from '../../rule.ts';
import { weights } from '../../weights.ts';

/** A channel fewer (e.g. no online application) is more burden. */
export const channelRule: DefinitionRule = {
  code: 'service.channel',
  area: 'service',
  scope: 'definition',
  reads: ['/channels'],
  describe: {
    en: (p) => (p.kind === 'added' ? `also offers the ${p.channel} channel` : `does not offer the ${p.channel} channel`),
    zh: (p) => (p.kind === 'added' ? `增加办理渠道 ${p.channel}` : `缺少办理渠道 ${p.channel}`),
  },
  compare(a, b, emit) {
    const inA = memberOf(a.channels);
    const inB = memberOf(b.channels);
    a.channels.forEach((channel, i) => {
      if (!inB(channel)) emit({ kind: 'added', path: join('/channels', i), burden: 'less', weight: weights.channel, params: { kind: 'added', channel }, fix: [{ op: 'pull', path: '/channels', match: channel }] });
    });
    b.channels.forEach((channel, i) => {
      if (!inA(channel)) emit({ kind: 'removed', path: join('/channels', i), burden: 'more', weight: weights.channel, params: { kind: 'removed', channel }, fix: [{ op: 'push', path: '/channels', value: channel }] });
    });
  },
};

/** An output issued on paper where the other issues an electronic certificate. */
export const outputRule: DefinitionRule = {
  code: 'service.output',
  area: 'service',
  scope: 'definition',
  reads: ['/outputs'],
  describe: {
    en: (p) => `issues “${p.name}” ${p.electronic ? 'as an electronic certificate' : 'on paper only'}`,
    zh: (p) => `办理结果“${p.nameZh}”${p.electronic ? '以电子证照发放' : '仅发放纸质件'}`,
  },
  compare(a, b, emit) {
    const ob = new Map(b.outputs.map((o, i) => [o.id, { o, i }]));
    a.outputs.forEach((o, i) => {
      const other = ob.get(o.id)?.o;
      if (!other || other.electronic === o.electronic) return;
      emit({ kind: 'changed', path: join('/outputs', i, 'electronic'), burden: o.electronic ? 'less' : 'more', weight: weights.paperOnly, params: { name: o.name.en, nameZh: o.name.zh, electronic: o.electronic }, fix: [{ op: 'set', path: join('/outputs', i, 'electronic'), value: other.electronic }] });
    });
  },
};

/** An acceptance condition the applicant must meet in one definition and not the other. */
export const conditionRule: DefinitionRule = {
  code: 'service.condition',
  area: 'service',
  scope: 'definition',
  reads: ['/acceptanceConditions'],
  describe: {
    en: (p) => `${p.kind === 'added' ? 'adds' : 'drops'} the acceptance condition “${p.text}”`,
    zh: (p) => `${p.kind === 'added' ? '增加' : '取消'}受理条件“${p.textZh}”`,
  },
  compare(a, b, emit) {
    const inA = memberOf((a.acceptanceConditions ?? []).map((c) => c.zh));
    const inB = memberOf((b.acceptanceConditions ?? []).map((c) => c.zh));
    (a.acceptanceConditions ?? []).forEach((c, i) => {
      if (!inB(c.zh)) emit({ kind: 'added', path: join('/acceptanceConditions', i), burden: 'more', weight: weights.constraint, params: { kind: 'added', text: c.en, textZh: c.zh }, fix: [{ op: 'pull', path: '/acceptanceConditions', match: c }] });
    });
    (b.acceptanceConditions ?? []).forEach((c, i) => {
      if (!inA(c.zh)) emit({ kind: 'removed', path: join('/acceptanceConditions', i), burden: 'less', weight: weights.constraint, params: { kind: 'removed', text: c.en, textZh: c.zh }, fix: [{ op: 'push', path: '/acceptanceConditions', value: c }] });
    });
  },
};

/** Legal basis, department and titles: what the matter rests on and who runs it (neutral for the applicant). */
export const identityRule: DefinitionRule = {
  code: 'service.description',
  area: 'service',
  scope: 'definition',
  reads: ['/title', '/summary', '/department', '/legalBasis', '/matterType', '/lifeEvents'],
  describe: { en: (p) => `changes ${p.element}`, zh: (p) => `修改 ${p.element}` },
  compare(a, b, emit) {
    for (const element of ['title', 'summary', 'department', 'legalBasis', 'matterType', 'lifeEvents'] as const) {
      if (jsonEqual(a[element], b[element])) continue;
      const value = b[element];
      emit({ kind: 'changed', path: `/${element}`, burden: 'neutral', weight: 0, params: { element }, fix: [value === undefined ? { op: 'remove', path: `/${element}` } : { op: 'set', path: `/${element}`, value }] });
    }
  },
};

/**
 * A level-up step in plain words, as an action the variant's officials take ("fetch the identity card through shared
 * data again, as the top runner does") rather than the difference it removes. One phrasing per kind of change; any
 * other step reads "match the top runner: <the difference>".
 */
import type { Change } from '../diff/index.ts';
import { daysEn, daysZh } from '../diff/time.ts';
import type { LocalizedText } from '../model/index.ts';
import { formatLabels, labelOf, necessityLabels } from '../model/labels.ts';

type Params = Readonly<Record<string, unknown>>;
type Phrase = (p: Params, c: Change) => LocalizedText;

const s = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
const material = (p: Params) => ({ zh: `“${s(p.nameZh ?? p.name ?? p.id)}”`, en: `“${s(p.name ?? p.id)}”` });
const field = (p: Params) => s(p.label ?? p.field);
const scopeZh: Record<string, string> = { national: '全国通办', 'cross-province': '跨省通办', province: '全省通办', city: '全市通办', county: '全县通办' };
const deliveryEn: Record<string, string> = { electronic: 'electronically', mail: 'by mail', window: 'at the window', 'self-service': 'at a self-service terminal' };
const deliveryZh: Record<string, string> = { electronic: '电子送达', mail: '邮寄', window: '窗口领取', 'self-service': '自助终端领取' };
const sourceWords: Record<string, LocalizedText> = {
  'shared-data': { zh: '通过数据共享获取', en: 'fetch it through shared data' },
  'government-issued': { zh: '由发证部门提供', en: 'take it from the issuing department' },
  applicant: { zh: '由申请人提供', en: 'let the applicant bring it' },
  'third-party': { zh: '由第三方出具', en: 'let a third party issue it' },
};

const phrases: Record<string, Phrase> = {
  'materials.material added': (p) => ({ zh: `不再要求提交${material(p).zh}：标杆不要求`, en: `Stop asking for ${material(p).en}: the top runner does not` }),
  'materials.source changed': (p) => ({
    zh: `${material(p).zh}改为${sourceWords[s(p.from)]?.zh ?? s(p.from)}，与标杆一致`,
    en: `${(sourceWords[s(p.from)]?.en ?? s(p.from)).replace(/^./, (c) => c.toUpperCase())} (${material(p).en}), as the top runner does`,
  }),
  'materials.necessity changed': (p) => ({ zh: `将${material(p).zh}恢复为“${labelOf(necessityLabels, p.from, 'zh')}”`, en: `Make ${material(p).en} ${labelOf(necessityLabels, p.from, 'en')} again` }),
  'materials.format changed': (p) => ({ zh: `接受${labelOf(formatLabels, p.from, 'zh')}版${material(p).zh}`, en: `Accept ${material(p).en} in ${labelOf(formatLabels, p.from, 'en')} form` }),
  'materials.copies changed': (p) => ({ zh: `${material(p).zh}只需 ${s(p.from)} 份`, en: `Ask for ${s(p.from)} copies of ${material(p).en}` }),
  'form.field added': (p) => ({ zh: `删除字段 ${field(p)}：标杆不收集`, en: `Drop the field ${field(p)}: the top runner does not ask for it` }),
  'form.required changed': (p) => ({ zh: `将字段 ${field(p)} 改为选填`, en: `Make ${field(p)} optional again` }),
  'form.prefill removed': (p) => ({ zh: `从共享数据（${s(p.item)}）预填 ${field(p)}`, en: `Prefill ${field(p)} from shared data (${s(p.item)}) again` }),
  'form.enum changed': (p) => ({ zh: `恢复 ${field(p)} 的可选值 ${s(p.dropped)}`, en: `Allow ${s(p.dropped)} for ${field(p)} again` }),
  'form.enum added': (p) => ({ zh: `取消 ${field(p)} 的取值限制`, en: `Lift the list of values on ${field(p)}` }),
  'form.pattern added': (p) => ({ zh: `取消 ${field(p)} 的格式要求`, en: `Drop the pattern on ${field(p)}` }),
  'form.pattern changed': (p) => ({ zh: `将 ${field(p)} 的格式恢复为 ${s(p.from)}`, en: `Restore the pattern of ${field(p)} to ${s(p.from)}` }),
  'form.upper-bound changed': (p) => ({ zh: `将 ${field(p)} 的 ${s(p.keyword)} 恢复为 ${s(p.from)}`, en: `Set ${s(p.keyword)} of ${field(p)} back to ${s(p.from)}` }),
  'service.visits changed': (p) => ({ zh: `到现场次数减为 ${s(p.from)} 次`, en: `Cut on-site visits to ${s(p.from)}` }),
  'service.promised-days changed': (p) => ({ zh: `承诺时限缩短为 ${daysZh(p.from, p.fromUnit)}`, en: `Promise ${daysEn(p.from, p.fromUnit)}` }),
  'service.statutory-days removed': (p) => ({ zh: `注明法定时限 ${daysZh(p.from, p.fromUnit)}，与标杆一致`, en: `State the statutory limit of ${daysEn(p.from, p.fromUnit)}, as the top runner does` }),
  'service.extension added': () => ({ zh: '不再延长法定时限：标杆不延长', en: 'Stop extending the statutory limit: the top runner does not' }),
  'service.extension changed': (p) => ({ zh: `法定时限至多延长至 ${daysZh(p.from, p.fromUnit)}`, en: `Extend the statutory limit to ${daysEn(p.from, p.fromUnit)} at most` }),
  'service.on-site-minutes changed': (p) => ({ zh: `现场办理时长缩短为 ${s(p.from)} 分钟`, en: `Cut the time on site to ${s(p.from)} minutes` }),
  'materials.condition removed': (p) => ({ zh: `仅在标杆规定的情形下要求${material(p).zh}`, en: `Ask for ${material(p).en} only in the situations the top runner does` }),
  'materials.condition changed': (p) => ({ zh: `仅在标杆规定的情形下要求${material(p).zh}`, en: `Ask for ${material(p).en} only in the situations the top runner does` }),
  'materials.group removed': (p) => ({ zh: `${material(p).zh}改为“${s(p.from)}”组内可选其一，与标杆一致`, en: `Accept ${material(p).en} as one of the alternatives of “${s(p.from)}” again, as the top runner does` }),
  'materials.alternatives added': (p) => ({ zh: `取消“${s(p.group)}”组材料：标杆不要求`, en: `Stop asking for one of the group “${s(p.group)}”: the top runner does not` }),
  'materials.alternatives changed': (p) =>
    p.from === p.to
      ? { zh: `“${s(p.group)}”组材料的来源与要求恢复为标杆的做法`, en: `Make the alternatives of the group “${s(p.group)}” as easy to supply as the top runner does` }
      : { zh: `“${s(p.group)}”组恢复 ${s(p.from)} 项可选材料`, en: `Accept all ${s(p.from)} alternatives of the group “${s(p.group)}” again` },
  'service.fee-condition removed': (p) => ({ zh: `仅在标杆规定的情形下收取${material(p).zh}`, en: `Charge ${material(p).en} only in the situations the top runner does` }),
  'service.fee-condition changed': (p) => ({ zh: `仅在标杆规定的情形下收取${material(p).zh}`, en: `Charge ${material(p).en} only in the situations the top runner does` }),
  'service.fee-waiver removed': (p) => ({ zh: `按标杆规定的情形减免${material(p).zh}`, en: `Waive ${material(p).en} in the situations the top runner does` }),
  'service.fee-waiver changed': (p) => ({ zh: `按标杆规定的情形减免${material(p).zh}`, en: `Waive ${material(p).en} in the situations the top runner does` }),
  'service.output-delivery removed': (p) => ({ zh: `增加“${s(p.nameZh ?? p.name)}”的送达方式：${deliveryZh[s(p.method)] ?? s(p.method)}`, en: `Deliver “${s(p.name)}” ${deliveryEn[s(p.method)] ?? `by ${s(p.method)}`} too` }),
  'service.output-validity changed': (p) => ({ zh: `“${s(p.nameZh ?? p.name)}”有效期与标杆一致`, en: `Issue “${s(p.name)}” with the top runner’s validity` }),
  'service.acceptance-scope changed': (p) => ({ zh: `通办范围扩大为${scopeZh[s(p.from)] ?? s(p.from)}，与标杆一致`, en: `Accept applications ${s(p.from)}-wide, as the top runner does` }),
  'service.requires added': (p) => ({ zh: `不再以 ${s(p.matter)} 为前置事项：标杆不要求`, en: `Stop requiring the matter ${s(p.matter)} first: the top runner does not` }),
  'service.handling-type changed': (p) => ({ zh: p.from === 'immediate' ? '改为即办件' : `办件类型恢复为 ${s(p.from)}`, en: p.from === 'immediate' ? 'Handle it on the spot again' : `Handle it as ${s(p.from)} again` }),
  'service.online-depth changed': (p) => ({ zh: `网办深度提升到 ${s(p.from)} 级`, en: `Raise the online depth to ${s(p.from)}` }),
  'service.fee added': (p) => ({ zh: `取消收费“${s(p.nameZh ?? p.name)}”`, en: `Drop the fee “${s(p.name)}”` }),
  'service.channel removed': (p) => ({ zh: `开通${p.channel === 'online' ? '网上' : s(p.channel)}办理渠道`, en: `Offer the ${s(p.channel)} channel` }),
  'service.output changed': (p) => ({ zh: `同时发放电子“${s(p.nameZh ?? p.name)}”`, en: `Issue “${s(p.name)}” electronically too` }),
  'process.step added': (p) => ({ zh: `去掉“${s(p.stepZh ?? p.step)}”环节`, en: `Drop the step “${s(p.step)}”` }),
  'process.parallel removed': (p) => ({
    zh: `让“${s(p.stepZh ?? p.step)}”的各分支（${Array.isArray(p.regions) ? p.regions.join('、') : ''}）并行办理，与标杆一致`,
    en: `Run the parts of “${s(p.step)}” (${Array.isArray(p.regions) ? p.regions.join(', ') : ''}) side by side, as the top runner does`,
  }),
  'process.parallel changed': (p) => ({ zh: `与标杆一样并行办理“${s(p.stepZh ?? p.step)}”的各环节`, en: `Run the steps of “${s(p.step)}” side by side as the top runner does` }),
};

/** The step `change` of a level-up plan, worded as what to do. */
export function planAction(change: Change): LocalizedText {
  const phrase = phrases[`${change.code} ${change.kind}`];
  if (phrase) {
    try {
      const action = phrase(change.params ?? {}, change);
      if (!/“”|undefined/.test(`${action.zh}${action.en}`)) return action;
    } catch {
      // params of an unexpected shape: the generic wording below
    }
  }
  return { zh: `与标杆一致：${change.message.zh}`, en: `Match the top runner: ${change.message.en}` };
}

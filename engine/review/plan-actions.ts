/**
 * A level-up step in plain words, as an action the variant's officials take ("fetch the identity card through shared
 * data again, as the top runner does") rather than the difference it removes. One phrasing per kind of change; any
 * other step reads "match the top runner: <the difference>".
 */
import type { Change } from '../diff/index.ts';
import type { LocalizedText } from '../model/index.ts';

type Params = Readonly<Record<string, unknown>>;
type Phrase = (p: Params, c: Change) => LocalizedText;

const s = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
const material = (p: Params) => ({ zh: `“${s(p.nameZh ?? p.name ?? p.id)}”`, en: `“${s(p.name ?? p.id)}”` });
const field = (p: Params) => s(p.label ?? p.field);
const necessityZh: Record<string, string> = { required: '必需', optional: '可选', 'tolerated-missing': '容缺', exempted: '免提交' };
const formatZh: Record<string, string> = { electronic: '电子', paper: '纸质' };
const sourceWords: Record<string, LocalizedText> = {
  'shared-data': { zh: '通过数据共享获取', en: 'fetch it through shared data' },
  'government-issued': { zh: '由发证部门提供', en: 'take it from the issuing department' },
  applicant: { zh: '由申请人提供', en: 'let the applicant bring it' },
};

const phrases: Record<string, Phrase> = {
  'materials.material added': (p) => ({ zh: `不再要求提交${material(p).zh}：标杆不要求`, en: `Stop asking for ${material(p).en}: the top runner does not` }),
  'materials.source changed': (p) => ({
    zh: `${material(p).zh}改为${sourceWords[s(p.from)]?.zh ?? s(p.from)}，与标杆一致`,
    en: `${(sourceWords[s(p.from)]?.en ?? s(p.from)).replace(/^./, (c) => c.toUpperCase())} (${material(p).en}), as the top runner does`,
  }),
  'materials.necessity changed': (p) => ({ zh: `将${material(p).zh}恢复为“${necessityZh[s(p.from)] ?? s(p.from)}”`, en: `Make ${material(p).en} ${s(p.from)} again` }),
  'materials.format changed': (p) => ({ zh: `接受${formatZh[s(p.from)] ?? s(p.from)}版${material(p).zh}`, en: `Accept ${material(p).en} in ${s(p.from)} form` }),
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
  'service.promised-days changed': (p) => ({ zh: `承诺时限缩短为 ${s(p.from)} 个工作日`, en: `Promise ${s(p.from)} working days` }),
  'service.handling-type changed': (p) => ({ zh: p.from === 'immediate' ? '改为即办件' : `办件类型恢复为 ${s(p.from)}`, en: p.from === 'immediate' ? 'Handle it on the spot again' : `Handle it as ${s(p.from)} again` }),
  'service.online-depth changed': (p) => ({ zh: `网办深度提升到 ${s(p.from)} 级`, en: `Raise the online depth to ${s(p.from)}` }),
  'service.fee added': (p) => ({ zh: `取消收费“${s(p.nameZh ?? p.name)}”`, en: `Drop the fee “${s(p.name)}”` }),
  'service.channel removed': (p) => ({ zh: `开通${p.channel === 'online' ? '网上' : s(p.channel)}办理渠道`, en: `Offer the ${s(p.channel)} channel` }),
  'service.output changed': (p) => ({ zh: `同时发放电子“${s(p.nameZh ?? p.name)}”`, en: `Issue “${s(p.name)}” electronically too` }),
  'process.step added': (p) => ({ zh: `去掉“${s(p.stepZh ?? p.step)}”环节`, en: `Drop the step “${s(p.step)}”` }),
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

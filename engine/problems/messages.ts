/**
 * Every problem code with its message in English and Chinese, rendered from the problem's params.
 * Adding a check means adding its code here; the CLI, designer and API all render from this table.
 */
import { necessityLabels } from '../model/labels.ts';
import { xstateFeatures, type XStateFeature } from './xstate-features.ts';

type Params = Record<string, unknown>;
type Render = (p: Params) => string;
export interface MessageEntry {
  readonly en: Render;
  readonly zh: Render;
}

const q = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const list = (v: unknown): string => (Array.isArray(v) ? v.map(q).join(', ') : q(v));
const either = (v: unknown, or: string): string => (Array.isArray(v) ? v.map(q).join(or) : q(v));
const feature = (p: Params, locale: 'en' | 'zh'): string => xstateFeatures[p.feature as XStateFeature]?.[locale] ?? '';
const days = (p: Params, locale: 'en' | 'zh'): string => (p.unit === 'days' ? (locale === 'en' ? 'days' : '日') : locale === 'en' ? 'working days' : '个工作日');
// Chinese names of the necessity and body-nature values (the English messages quote the values themselves).
const necessityZh: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(necessityLabels).map(([k, v]) => [k, v.zh]));
const natureZh: Readonly<Record<string, string>> = { statutory: '法定机关', authorised: '法律法规授权组织', entrusted: '受委托组织' };
const zhOf = (names: Readonly<Record<string, string>>, v: unknown): string => (typeof v === 'string' && Object.hasOwn(names, v) ? `${names[v]}（${v}）` : q(v));
// What a locked field refuses of the values its shared-data field yields (prefill.locked-field-rejects).
const lockDetail = (p: Params, locale: 'en' | 'zh'): string => {
  const there = `${p.sharedFile}#${p.sharedPointer}`;
  if (p.refused !== undefined && p.keyword === undefined) return locale === 'en' ? `it refuses ${q(p.refused)} (${there})` : `它不接受 ${q(p.refused)}（${there}）`;
  if (p.keyword === 'required') return locale === 'en' ? `it requires ${q(p.property)}, which the shared value may lack (${there})` : `它要求 ${q(p.property)}，而共享数据可能没有（${there}）`;
  if (p.keyword === 'additionalProperties') return locale === 'en' ? `it has no room for ${q(p.property)}, which the shared value may hold (${there})` : `它不允许 ${q(p.property)}，而共享数据可能含有（${there}）`;
  const here = p.formValue === undefined ? (locale === 'en' ? 'set here' : '已设置') : q(p.formValue);
  const shared = p.sharedValue === undefined ? (locale === 'en' ? 'not set' : '未设置') : q(p.sharedValue);
  const via = p.formSchema === undefined ? '' : locale === 'en' ? ` (through ${p.formSchema})` : `（来自 ${p.formSchema}）`;
  const example = p.refused === undefined ? '' : locale === 'en' ? `, so it refuses ${q(p.refused)}` : `，因此不接受 ${q(p.refused)}`;
  return locale === 'en' ? `${p.keyword} is ${here}${via}, in the shared data ${shared} (${there})${example}` : `${p.keyword} 在此为 ${here}${via}，在共享数据中为 ${shared}（${there}）${example}`;
};

export const messages = {
  'json.invalid': {
    en: (p) => `invalid JSON at line ${p.line}, column ${p.column}: ${p.detail}`,
    zh: (p) => `JSON 格式错误（第 ${p.line} 行第 ${p.column} 列）：${p.detail}`,
  },
  'json.too-large': {
    en: (p) => `file is ${p.bytes} bytes; the limit is ${p.limit} (it bounds the work one file can cause the validator and the server)`,
    zh: (p) => `文件大小 ${p.bytes} 字节，超过上限 ${p.limit}（以限制单个文件给校验器和服务器带来的工作量）`,
  },
  'json.too-deep': {
    en: (p) => `nesting deeper than ${p.limit} levels (deeper documents could exhaust the stack of the code that walks them)`,
    zh: (p) => `嵌套层级超过 ${p.limit} 层（过深的文档可能耗尽遍历代码的调用栈）`,
  },
  'json.forbidden-key': {
    en: (p) => `key ${q(p.key)} is not allowed (it could alter object prototypes)`,
    zh: (p) => `不允许使用键名 ${q(p.key)}（可能篡改对象原型）`,
  },
  'json.duplicate-key': {
    en: (p) => `key ${q(p.key)} appears twice in the same object; the first value would be lost`,
    zh: (p) => `同一对象中键名 ${q(p.key)} 重复，前一个值将丢失`,
  },
  'json.not-object': {
    en: (p) => `the document must be a JSON object, found ${p.found}`,
    zh: (p) => `文档必须是 JSON 对象，实际为 ${p.found}`,
  },
  'doc.unknown-kind': {
    en: (p) =>
      `unknown document kind ${q(p.kind)}: expected "baseline", "variant", "bundle", "shared-data-catalogue" or a JSON Schema with $id`,
    zh: (p) => `未知的文档类型 ${q(p.kind)}：应为 baseline、variant、bundle、shared-data-catalogue 或带 $id 的 JSON Schema`,
  },
  'schema.required': {
    en: (p) => `missing required property ${q(p.property)}`,
    zh: (p) => `缺少必填属性 ${q(p.property)}`,
  },
  'schema.additional-property': {
    en: (p) => `unknown property ${q(p.property)}: the document format has no such property (a misspelling, or something onematter does not support)`,
    zh: (p) => `不允许的属性 ${q(p.property)}：文档格式中没有该属性（拼写错误，或系统不支持）`,
  },
  'schema.type': {
    en: (p) => `must be of type ${p.expected}`,
    zh: (p) => `类型必须为 ${p.expected}`,
  },
  'schema.enum': {
    en: (p) => `must be one of ${list(p.allowed)}`,
    zh: (p) => `取值必须为 ${list(p.allowed)} 之一`,
  },
  'schema.const': {
    en: (p) => `must be ${q(p.allowed)}`,
    zh: (p) => `取值必须为 ${q(p.allowed)}`,
  },
  'schema.pattern': {
    en: (p) => `does not match the pattern ${p.pattern}`,
    zh: (p) => `不符合格式 ${p.pattern}`,
  },
  'schema.format': {
    en: (p) => `is not a valid ${p.format}`,
    zh: (p) => `不是有效的 ${p.format}`,
  },
  'schema.limit': {
    en: (p) => `${p.keyword} is ${p.limit}: ${p.detail}`,
    zh: (p) => `超出限制 ${p.keyword} = ${p.limit}：${p.detail}`,
  },
  'schema.unique-items': {
    en: (p) => `items ${p.i} and ${p.j} are identical`,
    zh: (p) => `第 ${p.i} 项与第 ${p.j} 项重复`,
  },
  'schema.shape': {
    en: () => `does not match any allowed shape`,
    zh: () => `不符合任何允许的结构`,
  },
  'schema.other': {
    en: (p) => `${p.keyword}: ${p.detail}`,
    zh: (p) => `${p.keyword}：${p.detail}`,
  },
  'form.not-schema': {
    en: (p) => `a subschema must be an object or a boolean, found ${p.found}`,
    zh: (p) => `子模式必须是对象或布尔值，实际为 ${p.found}`,
  },
  'form.root-not-object': {
    en: () => `the form schema must describe an object ("type": "object"): form data is addressed, prefilled and stored by field path`,
    zh: () => `表单模式的根必须是对象（"type": "object"）：表单数据按字段路径定位、预填和保存`,
  },
  'form.unknown-keyword': {
    en: (p) => `unknown JSON Schema keyword ${q(p.keyword)}: forms are compiled in strict mode, where a misspelt or unsupported keyword is an error instead of a check that silently never happens`,
    zh: (p) => `未知的 JSON Schema 关键字 ${q(p.keyword)}：表单按严格模式编译，拼写错误或不支持的关键字会报错，而不是成为悄然失效的检查`,
  },
  'form.unknown-format': {
    en: (p) => `unknown format ${q(p.format)}: formats are checked, and an unknown one would check nothing; known: ${list(p.known)}`,
    zh: (p) => `未知的格式 ${q(p.format)}：格式会被校验，未知格式等于不校验；可用：${list(p.known)}`,
  },
  'form.id-not-allowed': {
    en: () => `$id is not allowed inside a form schema; onematter keys each form by definition id and version`,
    zh: () => `表单模式中不允许使用 $id；系统按事项编码和版本标识表单`,
  },
  'form.ref-external': {
    en: (p) => `$ref ${q(p.ref)} points outside the definition; only "#/…" and the project's shared schemas are allowed (nothing is fetched)`,
    zh: (p) => `$ref ${q(p.ref)} 指向外部；只允许 "#/…" 和项目共享模式（不会联网获取）`,
  },
  'form.ref-unresolved': {
    en: (p) => `$ref ${q(p.ref)} does not resolve`,
    zh: (p) => `$ref ${q(p.ref)} 无法解析`,
  },
  'form.pattern-invalid': {
    en: (p) => `pattern ${q(p.pattern)} is not a valid regular expression: ${p.reason}`,
    zh: (p) => `正则表达式 ${q(p.pattern)} 无效：${p.reason}`,
  },
  'form.pattern-unsafe': {
    en: (p) => `pattern ${q(p.pattern)} can backtrack catastrophically (${p.reason}${p.fragment ? ` at ${q(p.fragment)}` : ''})`,
    zh: (p) => `正则表达式 ${q(p.pattern)} 可能发生灾难性回溯（${p.reason}${p.fragment ? `，位于 ${q(p.fragment)}` : ''}）`,
  },
  'form.too-complex': {
    en: (p) => `the schema has more than ${p.limit} subschemas; this bounds the work of checking, compiling and rendering one form (split a larger form into shared schemas)`,
    zh: (p) => `模式包含的子模式超过 ${p.limit} 个；此上限限制检查、编译和渲染一个表单的工作量（更大的表单请拆分为共享模式）`,
  },
  'form.schema-compile': {
    en: (p) => `the schema does not compile: ${p.reason}`,
    zh: (p) => `模式无法编译：${p.reason}`,
  },
  'form.ref-cycle': {
    en: (p) => `$ref ${q(p.ref)} leads back here without descending into the data (only through $ref, allOf, anyOf, oneOf, not or if/then/else), so checking any application would never end; recursion must go through "properties" or "items"`,
    zh: (p) => `$ref ${q(p.ref)} 未深入数据（仅经由 $ref、allOf、anyOf、oneOf、not 或 if/then/else）就绕回此处，校验任何申请都将无法结束；递归必须经由 "properties" 或 "items"`,
  },
  'form.dynamic-ref': {
    en: (p) => `$dynamicRef ${q(p.ref)} is not supported: a form is one closed, self-contained document whose fields are known without validating anything, but $dynamicRef is resolved through the dynamic scope at validation time, which form rendering (rjsf), typegen and the diff cannot follow; use $ref to a $defs entry or an $anchor`,
    zh: (p) => `不支持 $dynamicRef ${q(p.ref)}：表单是封闭、自包含的文档，其字段无需校验即可确定；而 $dynamicRef 要在校验时按动态作用域解析，表单渲染（rjsf）、类型生成和差异比较都无法跟随；请改用指向 $defs 条目或 $anchor 的 $ref`,
  },
  'form.anchor-duplicate': {
    en: (p) => `anchor ${q(p.anchor)} is already declared at ${p.first}; a plain-name $ref must lead to exactly one subschema`,
    zh: (p) => `锚点 ${q(p.anchor)} 已在 ${p.first} 声明；按名称的 $ref 必须只指向一个子模式`,
  },
  'form.enum-empty': {
    en: () => `an empty enum accepts no value at all, so the field could never be filled in and no application could be submitted; list the allowed values or remove the field`,
    zh: () => `空的 enum 不接受任何取值，该字段永远无法填写，申请也就无法提交；请列出允许的取值或删除该字段`,
  },
  'form.keyword-ignored': {
    en: (p) => `${q(p.keyword)} has no effect without ${either(p.partners, ' or ')}; strict mode refuses keywords that do nothing, as they are almost always a mistake (a condition or check that silently never applies)`,
    zh: (p) => `没有 ${either(p.partners, ' 或 ')} 时 ${q(p.keyword)} 不起作用；严格模式拒绝不起作用的关键字，因为它们几乎总是错误（条件或检查悄然失效）`,
  },
  'form.type-missing': {
    en: (p) => `${q(p.keyword)} applies only to ${either(p.type, ' or ')} values, but this subschema's "type" does not allow them; onematter requires the type (ajv strictTypes) so that a constraint never silently applies to nothing, and so that the form renders the right input and typegen writes the right type`,
    zh: (p) => `${q(p.keyword)} 只适用于 ${either(p.type, ' 或 ')} 类型的值，但此子模式的 "type" 未包含该类型；系统要求声明类型（ajv strictTypes），以免约束悄然失效，并使表单渲染正确的输入控件、类型生成得到正确的类型`,
  },
  'form.type-conflict': {
    en: (p) => `"type": ${q(p.type)} is not allowed where the value must already be ${either(p.context, ' or ')}: no value could satisfy both (ajv strictTypes)`,
    zh: (p) => `此处的值已限定为 ${either(p.context, ' 或 ')}，不能再声明 "type": ${q(p.type)}：没有任何值能同时满足（ajv strictTypes）`,
  },
  'form.tuple-open': {
    en: (p) => `${q(p.keyword)} lists ${p.length} items, but the array is not held to exactly ${p.length} ("minItems": ${p.length}, and "maxItems": ${p.length} or "items": false); onematter requires closed tuples (ajv strictTuples) so that no item is accepted unchecked, or left out, by accident`,
    zh: (p) => `${q(p.keyword)} 列出了 ${p.length} 项，但数组没有被限定为恰好 ${p.length} 项（"minItems": ${p.length}，以及 "maxItems": ${p.length} 或 "items": false）；系统要求元组封闭（ajv strictTuples），以免多出的项未经检查就被接受，或缺项未被发现`,
  },
  'form.ajv-deviation': {
    en: (p) =>
      p.keyword === 'unevaluatedItems'
        ? `"unevaluatedItems" is not supported: ajv, which validates every form, does not apply it as JSON Schema 2020-12 says (it counts every item as evaluated once "contains" passes, and credits items a failed anyOf/oneOf branch checked; ajv-validator/ajv#1909), so applications would be refused or accepted in error; close the array with "items", or "prefixItems" with "items": false`
        : `under "unevaluatedProperties", this "if" names ${Array.isArray(p.names) && p.names.length > 0 ? list(p.names) : 'properties by pattern'}, which the object does not name in "properties": ajv, which validates every form, counts such properties as evaluated whether "if" held or not (and loses them when no "then" names them), so applications would be refused or accepted in error; declare them in "properties" too`,
    zh: (p) =>
      p.keyword === 'unevaluatedItems'
        ? `不支持 "unevaluatedItems"：校验每个表单的 ajv 没有按 JSON Schema 2020-12 执行它（"contains" 通过后会把所有项都视为已校验，失败的 anyOf/oneOf 分支校验过的项也会计入；见 ajv-validator/ajv#1909），申请会被错误地拒绝或接受；请用 "items"，或 "prefixItems" 加 "items": false 限定数组`
        : `在 "unevaluatedProperties" 之下，此 "if" 提到了对象未在 "properties" 中声明的 ${Array.isArray(p.names) && p.names.length > 0 ? list(p.names) : '按模式匹配的属性'}：校验每个表单的 ajv 不论 "if" 是否成立都把这些属性视为已校验（且没有 "then" 提到它们时又会漏掉），申请会被错误地拒绝或接受；请同时在 "properties" 中声明它们`,
  },
  'form.strict-mode': {
    en: (p) => `strict mode refuses this schema: ${p.detail}; it refuses keywords that have no effect or can never be satisfied, and properties checked by two schemas without saying so, as these are almost always mistakes`,
    zh: (p) => `严格模式拒绝此模式：${p.detail}；严格模式拒绝不起作用或永远无法满足的关键字，以及未加说明就受两个模式约束的属性，因为它们几乎总是错误`,
  },
  'import.not-json': {
    en: (p) => `not JSON: found ${p.found}; a form is JSON (objects, arrays, strings, finite numbers, true, false, null)`,
    zh: (p) => `不是 JSON：此处为 ${p.found}；表单必须是 JSON（对象、数组、字符串、有限数值、true、false、null）`,
  },
  'import.unknown-dialect': {
    en: (p) => `"$schema": ${q(p.schema)} is not a JSON Schema dialect onematter can convert (draft-04, draft-06, draft-07, 2019-09, 2020-12): what its keywords mean cannot be known, so the form is not imported as it stands; remove "$schema" if the form is plain JSON Schema`,
    zh: (p) => `"$schema": ${q(p.schema)} 不是系统能够转换的 JSON Schema 版本（draft-04、draft-06、draft-07、2019-09、2020-12）：无法确定其关键字的含义，因此不按原样导入；如果表单就是普通的 JSON Schema，请删除 "$schema"`,
  },
  'import.tuple-additional-items': {
    en: (p) => `the array has ${p.length} fixed items followed by more items of another schema ("additionalItems"), which an onematter form cannot express: a form holds a tuple to exactly its items (strictTuples); make the further items a separate array field, or remove "additionalItems" to close the tuple`,
    zh: (p) => `该数组在 ${p.length} 个固定项之后还允许符合另一模式的更多项（"additionalItems"），系统表单无法表达：表单要求元组恰好包含其列出的项（strictTuples）；请把后续的项改为单独的数组字段，或删除 "additionalItems" 使元组封闭`,
  },
  'process.initial-missing': {
    en: (p) => `initial state ${q(p.state)} does not exist`,
    zh: (p) => `初始状态 ${q(p.state)} 不存在`,
  },
  'process.target-missing': {
    en: (p) => `event ${p.event} in state ${q(p.state)} targets ${q(p.target)}, which does not exist`,
    zh: (p) => `状态 ${q(p.state)} 的事件 ${p.event} 指向不存在的状态 ${q(p.target)}`,
  },
  'process.unreachable': {
    en: (p) => `state ${q(p.state)} cannot be reached from the initial state`,
    zh: (p) => `从初始状态无法到达状态 ${q(p.state)}`,
  },
  'process.no-way-to-finish': {
    en: (p) => `from state ${q(p.state)} no final state can be reached`,
    zh: (p) => `从状态 ${q(p.state)} 无法到达任何终止状态`,
  },
  'process.no-final-state': {
    en: () => `the process has no final state`,
    zh: () => `流程没有终止状态`,
  },
  'process.children-missing': {
    en: (p) => `state ${q(p.state)} is compound or parallel but has no child states`,
    zh: (p) => `状态 ${q(p.state)} 是复合或并行状态，但没有子状态`,
  },
  'process.too-deep': {
    en: (p) => `state ${q(p.state)} is nested more than ${p.limit} levels below the process`,
    zh: (p) => `状态 ${q(p.state)} 的嵌套超过 ${p.limit} 层`,
  },
  'process.region-never-done': {
    en: (p) => `region ${q(p.region)} of parallel state ${q(p.state)} has no final state, so its onDone (the join) is never taken; give the region a final child`,
    zh: (p) => `并行状态 ${q(p.state)} 的分支 ${q(p.region)} 没有终止状态，汇合（onDone）永远不会发生；请为该分支添加终止子状态`,
  },
  'process.region-event-shared': {
    en: (p) => `event ${p.event} is handled in regions ${list(p.regions)} of parallel state ${q(p.state)}: one person's step would move both parts; give each region's events names of their own (e.g. BIRTH_ACCEPT)`,
    zh: (p) => `并行状态 ${q(p.state)} 的分支 ${list(p.regions)} 都处理事件 ${p.event}：一个人的操作会同时推进两个部门的办理；请为各分支的事件分别命名（如 BIRTH_ACCEPT）`,
  },
  'process.final-has-transitions': {
    en: (p) => `final state ${q(p.state)} must not have transitions`,
    zh: (p) => `终止状态 ${q(p.state)} 不能有流转`,
  },
  'process.unknown-guard': {
    en: (p) => `unknown guard ${q(p.guard)}; known: ${list(p.known)}`,
    zh: (p) => `未知的条件 ${q(p.guard)}；可用：${list(p.known)}`,
  },
  'process.unknown-action': {
    en: (p) => `unknown action ${q(p.action)}; known: ${list(p.known)}`,
    zh: (p) => `未知的动作 ${q(p.action)}；可用：${list(p.known)}`,
  },
  'process.role-missing': {
    en: (p) => `state ${q(p.state)} names no acting role (meta.role)`,
    zh: (p) => `状态 ${q(p.state)} 未指定办理角色（meta.role）`,
  },
  'process.always-unguarded-not-last': {
    en: (p) => `state ${q(p.state)}: an unguarded eventless transition ("always") must be the last one: XState takes the first that applies, so the ones after it could never be taken`,
    zh: (p) => `状态 ${q(p.state)}：无条件的无事件流转（"always"）必须放在最后：XState 取第一个成立的流转，其后的流转永远不会被执行`,
  },
  'process.unguarded-not-last': {
    en: (p) => `${p.state === undefined ? 'the machine' : `state ${q(p.state)}`}, ${q(p.event)}: an unguarded transition must be the last of the list: XState takes the first that applies, so the ones after it could never be taken`,
    zh: (p) => `${p.state === undefined ? '流程根' : `状态 ${q(p.state)}`} 的 ${q(p.event)}：无条件的流转必须放在列表最后：XState 取第一个成立的流转，其后的流转永远不会被执行`,
  },
  'process.always-loop': {
    en: (p) => `eventless transitions ("always") form a loop through ${list(p.states)}: a case would move without end with nobody acting; end the chain in a state where someone acts or the case finishes`,
    zh: (p) => `无事件流转（"always"）在 ${list(p.states)} 之间形成循环：案件会在无人办理的情况下无休止地流转；请让其终止于有人办理的环节或终止状态`,
  },
  'process.done-loop': {
    en: (p) => `the join (onDone) of ${list(p.states)} leads back into a state that is done again at once: XState would join without end inside one step; lead it to a state where someone acts or the case finishes`,
    zh: (p) => `${list(p.states)} 的汇合（onDone）又进入一个立即完成的状态：XState 会在同一步内无休止地汇合；请让它进入有人办理的环节或终止状态`,
  },
  'process.always-initial': {
    en: (p) => `the initial state ${q(p.state)} cannot decide automatically ("always"): a case starts there while the applicant fills in the form, so nothing is known to decide on; put the automatic decision in a state after submission`,
    zh: (p) => `初始状态 ${q(p.state)} 不能自动判定（"always"）：案件在申请人填写表单时处于该状态，尚无可供判定的信息；请把自动判定放在提交之后的状态中`,
  },
  'process.role-undeclared': {
    en: (p) => `role ${q(p.role)} is not declared in "roles"`,
    zh: (p) => `角色 ${q(p.role)} 未在 roles 中声明`,
  },
  'process.step-missing': {
    en: (p) => `state ${q(p.state)} has no step name (meta.step)`,
    zh: (p) => `状态 ${q(p.state)} 缺少环节名称（meta.step）`,
  },
  'process.xstate-unsupported': {
    en: (p) => `XState ${q(p.key)} is not supported here: ${feature(p, 'en')}`,
    zh: (p) => `此处不支持 XState 的 ${q(p.key)}：${feature(p, 'zh')}`,
  },
  'process.event-name': {
    en: (p) => `event ${q(p.name)} must be UPPER_SNAKE_CASE (a capital letter, then capitals, digits or _, at most 64), optionally addressed to one member of a one-thing bundle (ACCEPT.police): event names are the step commands clerks and applicants send through the API (which accepts only such names) and the audit trail records, and the rule keeps out XState's wildcard "*" and its internal events ("xstate.*", "done.*", "error.*"), which nobody could send`,
    zh: (p) => `事件 ${q(p.name)} 必须是大写下划线格式（大写字母开头，其后为大写字母、数字或 _，最多 64 个字符；一件事中可加成员后缀，如 ACCEPT.police）：事件名是办理人员和申请人通过 API（只接受这种格式）发出、并记入审计日志的环节指令；此规则也排除了 XState 的通配符 "*" 和内部事件（"xstate.*"、"done.*"、"error.*"），这些无人能够发出`,
  },
  'process.delay-name': {
    en: (p) => `delay ${q(p.name)} must be milliseconds (1 to 12 digits, no leading 0) an ISO 8601 duration in weeks, days, hours or minutes ("P30D", "PT12H"), or working days ("P2WD"): the runtime stores each pending delay as a due time with the case, so it must be a length it can count from the time the case entered the state`,
    zh: (p) => `延时 ${q(p.name)} 必须是毫秒数（1 至 12 位数字，不以 0 开头）、以周、日、小时、分钟表示的 ISO 8601 时长（"P30D"、"PT12H"）或工作日数（"P2WD"）：运行时把每个待触发的延时作为到期时间随案件保存，因此它必须能从案件进入该状态的时刻算出`,
  },
  'process.state-name': {
    en: (p) => `state ${q(p.name)} must be a letter, then letters, digits, _ or - (at most 64): state names are stored with every case and its audit trail, and in XState targets "." would mean a child state and "#" a state id`,
    zh: (p) => `状态名 ${q(p.name)} 必须以字母开头，其后为字母、数字、_ 或 -（最多 64 个字符）：状态名随每个案件及其审计日志保存，而在 XState 的目标中 "." 表示子状态、"#" 表示状态 id`,
  },
  'materials.duplicate-id': {
    en: (p) => `material id ${q(p.id)} is used more than once`,
    zh: (p) => `材料编号 ${q(p.id)} 重复`,
  },
  'definition.duplicate-id': {
    en: (p) => `${p.collection} id ${q(p.id)} is used more than once`,
    zh: (p) => `${p.collection} 编号 ${q(p.id)} 重复`,
  },
  'ref.shared-data-missing': {
    en: (p) => `shared-data item ${q(p.item)} is not in the shared-data catalogue`,
    zh: (p) => `共享数据项 ${q(p.item)} 不在共享目录中`,
  },
  'ref.shared-data-field-missing': {
    en: (p) => `shared-data item ${q(p.item)} yields no field ${q(p.value)}`,
    zh: (p) => `共享数据项 ${q(p.item)} 不提供字段 ${q(p.value)}`,
  },
  'ref.prefill-field-missing': {
    en: (p) => `prefill targets ${q(p.field)}, which is not a property of the form`,
    zh: (p) => `预填目标 ${q(p.field)} 不是表单中的字段`,
  },
  'ref.field-basis-missing': {
    en: (p) => `legal basis is given for ${q(p.field)}, which is not a property of the form`,
    zh: (p) => `为 ${q(p.field)} 设定了法律依据，但表单中没有该字段`,
  },
  'ref.prefill-type-mismatch': {
    en: (p) => `form field ${q(p.field)} is ${p.formType} but shared-data value is ${p.itemType}`,
    zh: (p) => `表单字段 ${q(p.field)} 类型为 ${p.formType}，共享数据类型为 ${p.itemType}`,
  },
  'ref.prefill-duplicate': {
    en: (p) => `field ${q(p.field)} is prefilled twice`,
    zh: (p) => `字段 ${q(p.field)} 被重复预填`,
  },
  'ref.legal-basis-missing': {
    en: (p) => `legal basis ${q(p.id)} is not listed in the definition's legalBasis`,
    zh: (p) => `设定依据 ${q(p.id)} 未在 legalBasis 中列出`,
  },
  'ref.baseline-other-matter': {
    en: (p) => `a variant of ${q(p.id)} must point at a baseline of the same matter, not ${q(p.baseline)}`,
    zh: (p) => `事项 ${q(p.id)} 的地方版本必须指向同一事项的基准，而不是 ${q(p.baseline)}`,
  },
  'ref.baseline-missing': {
    en: (p) => `baseline ${p.id}@${p.version} was not found`,
    zh: (p) => `未找到基准 ${p.id}@${p.version}`,
  },
  'ref.baseline-not-baseline': {
    en: (p) => `${p.id}@${p.version} is not a baseline`,
    zh: (p) => `${p.id}@${p.version} 不是基准版本`,
  },
  'ref.baseline-on-baseline': {
    en: () => `only variants point at a baseline; remove "baseline" or set "kind": "variant"`,
    zh: () => `只有地方版本才能指向基准；请删除 baseline 或将 kind 设为 variant`,
  },
  'ref.self-reference': {
    en: (p) => `${p.id}@${p.version} refers to itself`,
    zh: (p) => `${p.id}@${p.version} 引用了自身`,
  },
  'ref.duplicate-definition': {
    en: (p) => `${p.id}@${p.version} for region ${p.region} is also defined in ${p.other}`,
    zh: (p) => `${p.id}@${p.version}（区划 ${p.region}）已在 ${p.other} 中定义`,
  },
  'ref.region-unknown': {
    en: (p) => `region ${q(p.region)} is not in the region catalogue ${p.catalogue}; use a GB/T 2260 code listed there (or add the division to it)`,
    zh: (p) => `区划代码 ${q(p.region)} 不在区划目录 ${p.catalogue} 中；请使用其中列出的 GB/T 2260 代码（或先在目录中补充该区划）`,
  },
  'ref.region-level-mismatch': {
    en: (p) => `region ${p.region} (${p.name}) is a ${p.expected} in the region catalogue, not a ${p.level}`,
    zh: (p) => `区划 ${p.region}（${p.name}）在区划目录中的层级为 ${p.expected}，不是 ${p.level}`,
  },
  'ref.region-name-mismatch': {
    en: (p) => `region ${p.region} is named ${q(p.expected)} in the region catalogue, not ${q(p.name)}`,
    zh: (p) => `区划 ${p.region} 在区划目录中的名称为 ${q(p.expected)}，不是 ${q(p.name)}`,
  },
  'regions.duplicate-code': {
    en: (p) => `region code ${p.code} is listed twice (also at ${p.other}); each division appears once`,
    zh: (p) => `区划代码 ${p.code} 重复出现（另见 ${p.other}）；每个区划只能出现一次`,
  },
  'regions.parent-missing': {
    en: (p) => `the parent ${p.parent} of region ${p.code} is not listed; list the division one level up first`,
    zh: (p) => `区划 ${p.code} 的上级 ${p.parent} 未列出；请先列出上一级区划`,
  },
  'regions.parent-mismatch': {
    en: (p) => `region ${p.code} (${p.level}) cannot lie under ${p.parent} (${p.parentLevel}): ${p.reason}`,
    zh: (p) => `区划 ${p.code}（${p.level}）不能隶属于 ${p.parent}（${p.parentLevel}）：${p.reason}`,
  },
  'ref.region-outside-baseline': {
    en: (p) => `a variant for ${p.level} ${p.region} must lie inside its baseline's ${p.baselineLevel} ${p.baseline}, at a lower level`,
    zh: (p) => `地方版本的区划 ${p.region}（${p.level}）必须位于基准区划 ${p.baseline}（${p.baselineLevel}）之内且层级更低`,
  },
  'ref.bundle-matter-missing': {
    en: (p) => `matter ${p.id}@${p.version} is not in the catalogue`,
    zh: (p) => `目录中没有事项 ${p.id}@${p.version}`,
  },
  'bundle.fact-member-unknown': {
    en: (p) => `no member has the key ${q(p.member)}`,
    zh: (p) => `没有标识为 ${q(p.member)} 的成员事项`,
  },
  'ref.bundle-baseline-missing': {
    en: (p) => `bundle ${p.id}@${p.version} (this bundle's baseline) is not in the catalogue`,
    zh: (p) => `目录中没有作为基准的一件事 ${p.id}@${p.version}`,
  },
  'bundle.member-too-deep': {
    en: (p) => `member ${q(p.member)} (${p.file}) nests its states ${p.depth} levels deep; in a bundle they sit two levels lower (members.${p.member}.…), so a member may nest at most ${p.limit}`,
    zh: (p) => `成员事项 ${q(p.member)}（${p.file}）的流程状态嵌套 ${p.depth} 层；在一件事中还要再下沉两层（members.${p.member}.…），成员事项最多嵌套 ${p.limit} 层`,
  },
  'bundle.not-composable': {
    en: (p) => `the members cannot be composed into one definition (${p.reason}); check each member on its own first`,
    zh: (p) => `无法将成员事项合成为一个事项定义（${p.reason}）；请先逐个检查成员事项`,
  },
  'bundle.members-mismatch': {
    en: (p) => `the bundle lists ${p.expected} members but ${p.got} definitions were given to compose`,
    zh: (p) => `一件事列出 ${p.expected} 个成员事项，但只提供了 ${p.got} 个事项定义`,
  },
  'bundle.duplicate-key': {
    en: (p) => `member key ${q(p.key)} is used twice: each member needs its own key (its part of the form, its region of the process)`,
    zh: (p) => `成员标识 ${q(p.key)} 重复：每个成员事项需要自己的标识（表单分区、流程分支）`,
  },
  'bundle.fact-field-missing': {
    en: (p) => `member ${q(p.member)} has no field ${p.field} (a field of its form, reached through properties)`,
    zh: (p) => `成员事项 ${q(p.member)} 的表单中没有字段 ${p.field}`,
  },
  'bundle.fact-conflict': {
    en: (p) => `field ${p.field} of member ${q(p.member)} holds the same fact as ${p.otherField} of member ${q(p.otherMember)} (${p.otherFile}#${p.otherPointer}) but their constraints differ: both are kept, asked twice, until the members agree (a merge never weakens a constraint)`,
    zh: (p) => `成员事项 ${q(p.member)} 的字段 ${p.field} 与成员事项 ${q(p.otherMember)} 的字段 ${p.otherField}（${p.otherFile}#${p.otherPointer}）是同一信息，但约束不同：两者都保留、各填一次，直到两个事项的约束一致（合并从不放宽约束）`,
  },
  'ref.bundle-duplicate-matter': {
    en: (p) => `matter ${q(p.id)} is listed twice`,
    zh: (p) => `事项 ${q(p.id)} 重复列出`,
  },
  'service.promised-exceeds-statutory': {
    en: (p) => `promised ${p.promised} ${days(p, 'en')} exceed the statutory ${p.statutory}`,
    zh: (p) => `承诺时限 ${p.promised} ${days(p, 'zh')}超过法定时限 ${p.statutory} ${days(p, 'zh')}`,
  },
  'service.immediate-with-days': {
    en: (p) => `an immediate matter is handled on the spot, but promises ${p.promised} days`,
    zh: (p) => `即办件应当场办结，但承诺时限为 ${p.promised} 天`,
  },
  'service.visits-without-onsite': {
    en: (p) => `${p.visits} on-site visits are required but "onsite" is not a channel`,
    zh: (p) => `要求到现场 ${p.visits} 次，但办理渠道中没有 onsite`,
  },
  'condition.invalid': {
    en: (p) => `this situation condition is not a JSON Schema the form's ajv compiles: ${p.reason}`,
    zh: (p) => `该情形条件不是表单校验器（ajv）能编译的 JSON Schema：${p.reason}`,
  },
  'condition.unknown-field': {
    en: (p) => `the condition names ${q(p.field)}, which the form does not have: a misspelt name constrains nothing, so the condition would always hold (or, in "required", never)`,
    zh: (p) => `条件引用了表单中没有的字段 ${q(p.field)}：拼错的字段名不构成任何约束，条件将总是成立（若在 required 中则永不成立）`,
  },
  'condition.value-never': {
    en: (p) => `the condition compares ${q(p.field)} with ${q(p.value)}, a value the form's field refuses (${p.formPointer}), so this comparison never holds (a misspelt option?)`,
    zh: (p) => `条件将 ${q(p.field)} 与 ${q(p.value)} 比较，而表单字段（${p.formPointer}）不接受该值，此比较永不成立（选项拼错了？）`,
  },
  'materials.one-of-single': {
    en: (p) => `one-of group ${q(p.group)} has only material ${q(p.material)}: a group is a choice of at least two (a misspelt group id?)`,
    zh: (p) => `"任选其一"材料组 ${q(p.group)} 只有材料 ${q(p.material)}：材料组至少要有两项可选（组名拼错了？）`,
  },
  'materials.one-of-necessity': {
    en: (p) => `material ${q(p.material)} is ${p.necessity} but ${q(p.first)} in the same one-of group ${q(p.group)} is ${p.expected}: the group is asked for as a whole, so its members share one necessity`,
    zh: (p) => `材料 ${q(p.material)} 的必要性为${zhOf(necessityZh, p.necessity)}，而同一"任选其一"材料组 ${q(p.group)} 中的 ${q(p.first)} 为${zhOf(necessityZh, p.expected)}：材料组作为整体提交，成员的必要性必须一致`,
  },
  'service.extension-without-statutory': {
    en: (p) => `the time limit extends to ${p.extendableTo} ${days(p, 'en')}, but there is no statutory limit to extend`,
    zh: (p) => `时限可延长至 ${p.extendableTo} ${days(p, 'zh')}，但没有可延长的法定时限`,
  },
  'service.extension-not-beyond-statutory': {
    en: (p) => `the time limit extends to ${p.extendableTo} ${days(p, 'en')}, no further than the statutory ${p.statutory}: an extension reaches beyond the limit it extends`,
    zh: (p) => `时限延长至 ${p.extendableTo} ${days(p, 'zh')}，未超过法定时限 ${p.statutory} ${days(p, 'zh')}：延长后的时限应长于原时限`,
  },
  'service.on-site-minutes-not-immediate': {
    en: (p) => `on-site minutes (${p.minutes}) describe an immediate matter, handled on the spot, but this one is handled within promised days`,
    zh: (p) => `现场办理时长（${p.minutes} 分钟）只适用于当场办结的即办件，本事项为承诺件`,
  },
  'service.on-site-minutes-without-visit': {
    en: (p) => `on-site minutes (${p.minutes}) are given, but the applicant makes no on-site visit (visits is 0)`,
    zh: (p) => `给出了现场办理时长（${p.minutes} 分钟），但申请人无需到现场（visits 为 0）`,
  },
  'output.validity-years-missing': {
    en: (p) => `output ${q(p.output)} is valid for a number of years: give "years"`,
    zh: (p) => `办理结果 ${q(p.output)} 的有效期按年计算：请填写 years`,
  },
  'output.validity-years-unexpected': {
    en: (p) => `output ${q(p.output)} is valid ${p.kind === 'long-term' ? 'long-term, so "years" (' + p.years + ') means nothing' : 'conditionally, so "years" (' + p.years + ') means nothing: describe the condition in "note"'}`,
    zh: (p) => `办理结果 ${q(p.output)} 的有效期为${p.kind === 'long-term' ? '长期，years（' + p.years + '）没有意义' : '视情况而定，years（' + p.years + '）没有意义：请在 note 中说明条件'}`,
  },
  'department.entrusted-by-missing': {
    en: (p) => `${q(p.department)} is an entrusted body: name who entrusted it in "entrustedBy"`,
    zh: (p) => `${q(p.department)} 为受委托组织：请在 entrustedBy 中写明委托部门`,
  },
  'department.entrusted-by-unexpected': {
    en: (p) => `${q(p.department)} names who entrusted it, but its nature is ${p.nature === null ? 'not given' : q(p.nature)}, not "entrusted"`,
    zh: (p) => `${q(p.department)} 写明了委托部门，但主体性质为${p.nature === null ? '（未填写）' : zhOf(natureZh, p.nature)}，不是受委托组织（entrusted）`,
  },
  'location.region-outside': {
    en: (p) => `place ${q(p.location)} is in division ${p.region}, outside ${p.name} (${p.definitionRegion}), the region that implements this matter`,
    zh: (p) => `办理地点 ${q(p.location)} 位于区划 ${p.region}，不在实施本事项的${p.name}（${p.definitionRegion}）范围内`,
  },
  'fee.waiver-reason-missing': {
    en: (p) => `fee ${q(p.fee)} can be waived: give the reason (waiverReason), which the service guide shows`,
    zh: (p) => `收费 ${q(p.fee)} 可减免：请填写减免理由（waiverReason），办事指南会展示`,
  },
  'fee.waiver-condition-missing': {
    en: (p) => `fee ${q(p.fee)} gives a waiver reason but no condition (waivedWhen), so it is never waived`,
    zh: (p) => `收费 ${q(p.fee)} 写了减免理由却没有减免条件（waivedWhen），因此永远不会减免`,
  },
  'prefill.locked-field-rejects': {
    en: (p) => `locked field ${q(p.field)} refuses values shared-data item ${q(p.item)} (${p.value}) can yield, so a verified applicant could not submit their own data: ${lockDetail(p, 'en')}`,
    zh: (p) => `锁定字段 ${q(p.field)} 不接受共享数据项 ${q(p.item)}（${p.value}）可能提供的值，经核验的申请人将无法提交本人的数据：${lockDetail(p, 'zh')}`,
  },
  'shared-data.duplicate-item': {
    en: (p) => `shared-data item ${q(p.id)} is defined more than once`,
    zh: (p) => `共享数据项 ${q(p.id)} 重复定义`,
  },
  'schemas.bad-id': {
    en: (p) => `a shared schema's $id must start with ${p.prefix}, found ${q(p.id)}`,
    zh: (p) => `共享模式的 $id 必须以 ${p.prefix} 开头，实际为 ${q(p.id)}`,
  },
  'schemas.duplicate-id': {
    en: (p) => `shared schema $id ${q(p.id)} is also defined in ${p.other}`,
    zh: (p) => `共享模式 $id ${q(p.id)} 已在 ${p.other} 中定义`,
  },
} satisfies Record<string, MessageEntry>;

export type ProblemCode = keyof typeof messages;
export type Locale = 'en' | 'zh';

/** Renders a problem's message in the given locale. */
export const renderMessage = (code: ProblemCode, params: Params, locale: Locale = 'en'): string =>
  messages[code][locale](params);

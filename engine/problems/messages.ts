/**
 * Every problem code with its message in English and Chinese, rendered from the problem's params.
 * Adding a check means adding its code here; the CLI, designer and API all render from this table.
 */
type Params = Record<string, unknown>;
type Render = (p: Params) => string;
export interface MessageEntry {
  readonly en: Render;
  readonly zh: Render;
}

const q = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const list = (v: unknown): string => (Array.isArray(v) ? v.map(q).join(', ') : q(v));

export const messages = {
  'json.invalid': {
    en: (p) => `invalid JSON at line ${p.line}, column ${p.column}: ${p.detail}`,
    zh: (p) => `JSON 格式错误（第 ${p.line} 行第 ${p.column} 列）：${p.detail}`,
  },
  'json.too-large': {
    en: (p) => `file is ${p.bytes} bytes; the limit is ${p.limit}`,
    zh: (p) => `文件大小 ${p.bytes} 字节，超过上限 ${p.limit}`,
  },
  'json.too-deep': {
    en: (p) => `nesting deeper than ${p.limit} levels`,
    zh: (p) => `嵌套层级超过 ${p.limit} 层`,
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
    en: (p) => `unknown property ${q(p.property)}`,
    zh: (p) => `不允许的属性 ${q(p.property)}`,
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
    en: () => `the form schema must describe an object ("type": "object")`,
    zh: () => `表单模式的根必须是对象（"type": "object"）`,
  },
  'form.unknown-keyword': {
    en: (p) => `unknown JSON Schema keyword ${q(p.keyword)} (strict mode)`,
    zh: (p) => `未知的 JSON Schema 关键字 ${q(p.keyword)}（严格模式）`,
  },
  'form.unknown-format': {
    en: (p) => `unknown format ${q(p.format)}; known: ${list(p.known)}`,
    zh: (p) => `未知的格式 ${q(p.format)}；可用：${list(p.known)}`,
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
    en: (p) => `the schema has more than ${p.limit} subschemas`,
    zh: (p) => `模式包含的子模式超过 ${p.limit} 个`,
  },
  'form.schema-compile': {
    en: (p) => `the schema does not compile: ${p.reason}`,
    zh: (p) => `模式无法编译：${p.reason}`,
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
  'process.role-undeclared': {
    en: (p) => `role ${q(p.role)} is not declared in "roles"`,
    zh: (p) => `角色 ${q(p.role)} 未在 roles 中声明`,
  },
  'process.step-missing': {
    en: (p) => `state ${q(p.state)} has no step name (meta.step)`,
    zh: (p) => `状态 ${q(p.state)} 缺少环节名称（meta.step）`,
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
  'ref.bundle-duplicate-matter': {
    en: (p) => `matter ${q(p.id)} is listed twice`,
    zh: (p) => `事项 ${q(p.id)} 重复列出`,
  },
  'service.promised-exceeds-statutory': {
    en: (p) => `promised ${p.promised} working days exceed the statutory ${p.statutory}`,
    zh: (p) => `承诺时限 ${p.promised} 个工作日超过法定时限 ${p.statutory} 个工作日`,
  },
  'service.immediate-with-days': {
    en: (p) => `an immediate matter is handled on the spot, but promises ${p.promised} days`,
    zh: (p) => `即办件应当场办结，但承诺时限为 ${p.promised} 天`,
  },
  'service.visits-without-onsite': {
    en: (p) => `${p.visits} on-site visits are required but "onsite" is not a channel`,
    zh: (p) => `要求到现场 ${p.visits} 次，但办理渠道中没有 onsite`,
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

/**
 * The XState features a definition's process may not use, each with the reason in English and Chinese; the
 * `process.xstate-unsupported` message renders them. The reasons are how the runtime works (runtime/cases): a case
 * is a database record between steps, and each step is XState's pure `transition` applied to one event.
 */
interface Reason {
  readonly en: string;
  readonly zh: string;
}

export const xstateFeatures = {
  invoke: {
    en: 'onematter runs processes without live actors: between two steps a case is only a record in the database, and each step is computed with XState\'s pure transition inside the database transaction, so an invoked service, promise or child machine would have nowhere to run. Side effects are the named actions the runtime implements',
    zh: '系统运行流程时不保留活动的 actor：两个环节之间，案件只是数据库中的一条记录，每个环节都在数据库事务中用 XState 的纯函数 transition 计算，被调用的服务、Promise 或子状态机无处运行。副作用只能是运行时实现的命名动作',
  },
  'root-always': {
    en: 'eventless transitions decide one step: each is declared in the state it decides, and is evaluated when a case lands there; on the process root it would run in every state. Put "always" in the state it decides',
    zh: '无事件流转只判定一个环节：它写在所判定的状态中，案件进入该状态时求值；写在流程根上会在每个状态都运行。请把 "always" 写在它所判定的状态中',
  },
  context: {
    en: 'the runtime owns a case\'s context (fees paid, materials supplied and waived, the decision) and builds it from the case\'s data; guards read that, so a definition cannot declare a context of its own',
    zh: '案件上下文（已缴费用、已提交和免提交的材料、办理决定）由运行时根据案件数据维护，条件判断读取的正是它，因此定义不能自行声明 context',
  },
  'root-after': {
    en: 'delayed transitions are declared per state, where the runtime stores each pending delay with the case when it enters the state and drops it when the case leaves; a machine-level "after" would run across every state. Put it in the state it times',
    zh: '延时流转按状态声明：案件进入该状态时，运行时随案件保存每个待触发的延时，离开时删除；流程根上的 "after" 会跨越所有状态计时。请把它写在需要计时的状态中',
  },
  'nested-states': {
    en: 'a case is in exactly one named state: that name is what the runtime stores, what meta.role and meta.step describe and what the diff compares, so states are one level deep (no nested, parallel or history states; only final states are typed)',
    zh: '案件始终处于唯一一个具名状态：运行时保存的、meta.role 和 meta.step 描述的、差异比较对照的都是这个名称，因此状态只有一层（不支持嵌套、并行和历史状态；只有终止状态需要标注 type）',
  },
  cond: {
    en: '"cond" is XState v4; XState v5, which onematter uses, calls it "guard"',
    zh: '"cond" 是 XState v4 的写法；系统使用的 XState v5 中应写作 "guard"',
  },
} satisfies Record<string, Reason>;

export type XStateFeature = keyof typeof xstateFeatures;

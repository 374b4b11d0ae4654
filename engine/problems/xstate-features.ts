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
  'history-states': {
    en: 'a history state re-enters the configuration a compound state last had, which the runtime would have to keep per case beside its state; onematter keeps only the states a case is in now. Name the state to return to instead',
    zh: '历史状态会恢复复合状态上次所处的子状态，运行时需要为每个案件另行保存这一记录；系统只保存案件当前所处的状态。请直接写明要返回的状态',
  },
  'root-type': {
    en: 'the process itself always starts in one initial state; to run parts side by side, make a state of the process parallel (type "parallel") and join its regions with onDone',
    zh: '流程本身总是从一个初始状态开始；如需并行办理，请把流程中的某个状态设为并行状态（type 为 "parallel"），并用 onDone 汇合各分支',
  },
  cond: {
    en: '"cond" is XState v4; XState v5, which onematter uses, calls it "guard"',
    zh: '"cond" 是 XState v4 的写法；系统使用的 XState v5 中应写作 "guard"',
  },
} satisfies Record<string, Reason>;

export type XStateFeature = keyof typeof xstateFeatures;

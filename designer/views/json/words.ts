/** The JSON view's words in Chinese and English, and CodeMirror's own (search panel, folding, diagnostics) in Chinese. */
import type { Locale } from '../../i18n.ts';

const zh = {
  editorLabel: '事项定义的 JSON 文本',
  keys: '停止输入片刻后应用修改。Ctrl+F 查找，Ctrl+Z 撤销，Ctrl+Shift+M 列出问题，F8 转到下一个问题，Tab 离开编辑器。',
  keysReadOnly: '只读。Ctrl+F 查找，Ctrl+Shift+M 列出问题，Tab 离开编辑器。',
  synced: '已应用到定义。',
  pending: '停止输入后检查并应用…',
  invalid: (message: string) => `未应用：${message}。其他部分保留上一次有效的定义。`,
  goToError: '转到错误位置',
  loadFailed: '无法加载 JSON 编辑器，请刷新页面重试。',
  /** CodeMirror's phrases (its English text is the key). */
  phrases: {
    Find: '查找',
    Replace: '替换',
    next: '下一个',
    previous: '上一个',
    all: '全部',
    'match case': '区分大小写',
    regexp: '正则表达式',
    'by word': '全词匹配',
    replace: '替换',
    'replace all': '全部替换',
    close: '关闭',
    'current match': '当前匹配',
    'on line': '，行号',
    'replaced $ matches': '已替换 $ 处',
    'replaced match on line $': '已替换第 $ 行的匹配',
    'Go to line': '跳到行',
    go: '跳转',
    'Folded lines': '已折叠行',
    'Unfolded lines': '已展开行',
    to: '至',
    'Fold line': '折叠',
    'Unfold line': '展开',
    'folded code': '已折叠的代码',
    unfold: '展开',
    Diagnostics: '问题',
    'No diagnostics': '没有问题',
    'Control character': '控制字符',
    'Selection deleted': '已删除所选内容',
  } as Record<string, string>,
};

const en: typeof zh = {
  editorLabel: 'The matter definition as JSON',
  keys: 'Changes apply when you pause typing. Ctrl+F finds, Ctrl+Z undoes, Ctrl+Shift+M lists the problems, F8 goes to the next one, Tab leaves the editor.',
  keysReadOnly: 'Read only. Ctrl+F finds, Ctrl+Shift+M lists the problems, Tab leaves the editor.',
  synced: 'Applied to the definition.',
  pending: 'Checked and applied when you pause typing…',
  invalid: (message) => `Not applied: ${message}. The other sections keep the last valid definition.`,
  goToError: 'Go to the error',
  loadFailed: 'The JSON editor could not be loaded. Reload the page to try again.',
  phrases: {},
};

export const words: Record<Locale, typeof zh> = { zh, en };
export type JsonWords = typeof zh;

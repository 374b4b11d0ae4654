/**
 * A field's options: each value with its Chinese and English label. Unlabelled options stay a plain `enum`; the first
 * label makes them `oneOf` (see model/options.ts), every other option labelled in Chinese with its value, which is
 * what the portal showed for it until then. Typing into a value or label is set-value per keystroke; adding and
 * removing options is set-options.
 */
import { useState, type FormEvent } from 'react';
import { escapeToken } from '../../../engine/json/pointer.ts';
import { useDesigner } from '../../context.ts';
import type { Command } from '../../model/commands/index.ts';
import type { Editor } from '../../model/editor.ts';
import { optionsOf, type FieldOption, type OptionValue } from '../../model/options.ts';
import { NumberInput } from './NumberInput.tsx';
import type { FieldItem } from './tree.ts';
import { fieldWords } from './words.ts';

export function OptionsEditor({ item, editor, run }: { item: FieldItem; editor: Editor; run: (command: Command) => string | undefined }) {
  const { t, locale } = useDesigner();
  const w = fieldWords[locale];
  const { schema, pointer, field } = item.node;
  const current = optionsOf(schema);
  const options = current?.options ?? [];
  const numeric = item.type === 'integer' || item.type === 'number';
  const [error, setError] = useState<string>();
  if (!current && ['enum', 'oneOf', 'anyOf'].some((k) => Object.hasOwn(schema, k))) return <p className="muted">{t.options}: {w.optionsHandWritten}</p>;

  const setAll = (next: readonly FieldOption[]) => setError(run({ name: 'set-options', args: { field, options: next } }));
  const at = (i: number, key?: string) => `${pointer}/${current!.keyword}/${i}${key ? `/${escapeToken(key)}` : ''}`;
  const set = (path: string, value: unknown) => editor.dispatch({ name: 'set-value', args: { pointer: path, value } });
  // an enum labelled for the first time: every other option keeps showing its value, now as its Chinese label
  const labelledFrom = (list: readonly FieldOption[]) => (current?.keyword === 'enum' ? list.map((o) => ({ ...o, zh: o.zh || String(o.value) })) : list);
  const setValue = (i: number, value: OptionValue) => set(current!.keyword === 'enum' ? at(i) : at(i, 'const'), value);
  const setLabel = (i: number, lang: 'zh' | 'en', text: string) => {
    if (current!.keyword !== 'enum') return set(at(i, lang === 'zh' ? 'title' : 'description'), text || undefined);
    if (text) setAll(labelledFrom(options.map((o, j) => (j === i ? { ...o, [lang]: text } : o))));
  };
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = String(form.get('value') ?? '').trim();
    const value: OptionValue = numeric ? Number(raw) : raw;
    if (raw === '' || (numeric && !Number.isFinite(value))) return setError(w.badValue);
    const zh = String(form.get('zh') ?? '').trim();
    const en = String(form.get('en') ?? '').trim();
    const next = [...options, { value, ...(zh ? { zh } : {}), ...(en ? { en } : {}) }];
    const problem = run({ name: 'set-options', args: { field, options: zh || en ? labelledFrom(next) : next } });
    setError(problem);
    if (!problem) event.currentTarget.reset();
  };

  return (
    <fieldset className="options" data-testid="field-options">
      <legend>{t.options}</legend>
      <p className="muted field-hint">{w.optionsPlain}</p>
      {options.length > 0 && (
        <table>
          <thead>
            <tr><th scope="col">{t.optionValue}</th><th scope="col">{t.optionZh}</th><th scope="col">{t.optionEn}</th><th scope="col"><span className="visually-hidden">{t.actions}</span></th></tr>
          </thead>
          <tbody>
            {options.map((o, i) => (
              <tr key={i} data-testid="option">
                <td>
                  {numeric ? (
                    <NumberInput label={`${t.optionValue} ${i + 1}`} hideLabel integer={item.type === 'integer'} value={typeof o.value === 'number' ? o.value : undefined} onChange={(v) => v !== undefined && setValue(i, v)} invalidText={w.badValue} />
                  ) : (
                    <input aria-label={`${t.optionValue} ${i + 1}`} value={String(o.value)} onChange={(e) => setValue(i, e.target.value)} />
                  )}
                </td>
                <td><input aria-label={`${t.optionZh} ${i + 1}`} lang="zh-CN" value={o.zh ?? ''} placeholder={String(o.value)} onChange={(e) => setLabel(i, 'zh', e.target.value)} data-testid="option-zh" /></td>
                <td><input aria-label={`${t.optionEn} ${i + 1}`} lang="en" value={o.en ?? ''} onChange={(e) => setLabel(i, 'en', e.target.value)} data-testid="option-en" /></td>
                <td><button type="button" className="btn btn-small" aria-label={`${t.removeOption}: ${String(o.value)}`} onClick={() => setAll(options.filter((_, j) => j !== i))}>✕</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={add} aria-label={t.addOption} data-testid="add-option">
        <label>{t.optionValue}<input name="value" required inputMode={numeric ? 'decimal' : undefined} data-testid="new-option-value" /></label>
        <label>{t.optionZh}<input name="zh" lang="zh-CN" data-testid="new-option-zh" /></label>
        <label>{t.optionEn}<input name="en" lang="en" data-testid="new-option-en" /></label>
        <button type="submit" className="btn btn-small">{t.addOption}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
    </fieldset>
  );
}

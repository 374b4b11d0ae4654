/**
 * The region picker: an administrative-division field (a `$ref` to the shared division-code schema) as three
 * labelled selects, province → city → county, each listing the divisions under the one chosen before it, from the
 * project's region catalogue. The field's value stays the 6-digit GB/T 2260 code of the county; nobody types a code.
 * Native selects, so the keyboard works as everywhere else; labels and place names follow the form's locale.
 */
import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import type { RegionIndex } from '../../engine/regions/index.ts';
import type { Locale } from './messages.ts';
import { choicesOf, codeOfChoices, projectRegions, topRegions } from './region-options.ts';

const words: Readonly<Record<Locale, { levels: readonly [string, string, string]; choose: string; unknown: (code: string) => string }>> = {
  zh: { levels: ['省份', '城市', '区县'], choose: '请选择', unknown: (code) => `代码 ${code} 不在地区列表中，请重新选择` },
  en: { levels: ['Province', 'City', 'County or district'], choose: 'Select', unknown: (code) => `Code ${code} is not in the list of places: choose again` },
};

// each level's label sits above its select (as a GOV.UK date input's parts do); set through the DOM, not markup, so
// the page's Content-Security-Policy needs no inline styles
const levelStyle = { marginBottom: '0.4rem' };
const labelStyle = { display: 'block', fontSize: '0.92rem' };

/** The id of the select at `level` (0 = province): the first is the field's own id (its label and error links point there). */
export const regionSelectId = (id: string, level: number): string => (level === 0 ? id : `${id}-${level}`);

/** An rjsf widget: `options.locale` picks the language; `formContext.regions` may replace the project's catalogue. */
export function RegionPicker(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, required, options, registry } = props;
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh';
  const index: RegionIndex = (registry.formContext as { regions?: RegionIndex } | undefined)?.regions ?? projectRegions;
  const t = words[locale];
  const fromValue = useMemo(() => choicesOf(index, value), [index, value]);
  // a half-made choice (a province, no county yet) lives here; the value changes only once a county is chosen
  const [choices, setChoices] = useState<string[]>(fromValue);
  useEffect(() => {
    if (value !== undefined && value !== '' && codeOfChoices(index, choices) !== value) setChoices(fromValue);
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  const levels = [topRegions(index), ...choices.map((code) => index.children.get(code) ?? [])];
  const choose = (level: number) => (event: ChangeEvent<HTMLSelectElement>) => {
    const picked = event.target.value;
    const next = picked ? [...choices.slice(0, level), picked] : choices.slice(0, level);
    setChoices(next);
    const code = codeOfChoices(index, next);
    if (code !== value) onChange(code);
  };
  const unknown = typeof value === 'string' && value !== '' && !index.byCode.has(value);
  const locked = disabled || readonly;

  return (
    <div className="onematter-region" role="group" aria-labelledby={`${id}-legend`} data-testid="region-picker">
      <span id={`${id}-legend`} hidden>
        {typeof props.label === 'string' ? props.label : ''}
      </span>
      {[0, 1, 2].map((level) => {
        const list = levels[level] ?? [];
        // a level shows once the level above is chosen (the province always), and while it has divisions to offer
        if (level > 0 && (choices[level - 1] === undefined || list.length === 0)) return null;
        const selectId = regionSelectId(id, level);
        return (
          <div className="onematter-region-level" key={level} style={levelStyle}>
            <label htmlFor={selectId} className="onematter-region-label" style={labelStyle}>
              {t.levels[level]}
            </label>
            <select
              id={selectId}
              className="form-control"
              value={choices[level] ?? ''}
              required={required}
              disabled={locked}
              onChange={choose(level)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
              aria-describedby={ariaDescribedByIds(id)}
              data-level={level}
            >
              <option value="">{t.choose}</option>
              {list.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {entry.name[locale]}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {unknown && <p className="onematter-region-unknown">{t.unknown(value)}</p>}
    </div>
  );
}

/**
 * A number typed as text: each keystroke that leaves a number (or nothing) is passed on, so half-typed input ("-",
 * "1e") stays on screen instead of being cleared, and is marked invalid until it is a number again.
 */
import { useEffect, useState } from 'react';

const parse = (text: string, integer: boolean): number | undefined | null => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && (!integer || Number.isInteger(n)) ? n : null; // null: not a number (yet)
};

export function NumberInput({ label, hideLabel = false, value, integer = false, onChange, invalidText, testId, autoFocus }: {
  label: string;
  /** The label is read out but not shown (a table column names it). */
  hideLabel?: boolean;
  value: number | undefined;
  integer?: boolean;
  onChange: (value: number | undefined) => void;
  invalidText: string;
  testId?: string;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // the value changed elsewhere (undo, another input): show it, unless the text already says it
  useEffect(() => setText((now) => (parse(now, integer) === value ? now : value === undefined ? '' : String(value))), [value, integer]);
  const invalid = parse(text, integer) === null;
  return (
    <label>
      {hideLabel ? <span className="visually-hidden">{label}</span> : label}
      <input
        type="text" inputMode={integer ? 'numeric' : 'decimal'} value={text} aria-invalid={invalid || undefined} data-testid={testId} autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          const next = parse(e.target.value, integer);
          if (next !== null) onChange(next);
        }}
      />
      {invalid && <span className="error field-hint">{invalidText}</span>}
    </label>
  );
}

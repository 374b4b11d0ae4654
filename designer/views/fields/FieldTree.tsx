/**
 * The form's fields as a WAI-ARIA tree: one tab stop (the focused item), arrow keys move the focus and open or close
 * groups, Home/End jump, Enter or Space selects, Alt+↑/↓ moves the focused field among its siblings; a field can
 * also be dragged onto a sibling (HTML5 drag and drop, within one parent). The items are one flat list whose
 * aria-level, aria-setsize and aria-posinset give the hierarchy (a treeitem holding its children would take their
 * text into its name). An item re-renders only when its schema or the tree's shared state changes, so typing into a
 * 300-field form redraws the few items on the edited path.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Problem } from '../../../engine/index.ts';
import { localizedText } from '../../../runtime/form/ui-schema.ts';
import { useDesigner } from '../../context.ts';
import type { Locale, Texts } from '../../i18n.ts';
import { ancestorsOf, visibleItems, type FieldItem, type FieldsIndex } from './tree.ts';
import { fieldWords, type FieldWords } from './words.ts';

export interface FieldTreeProps {
  readonly index: FieldsIndex;
  /** The selected field's schema pointer. */
  readonly selected: string | undefined;
  readonly problemsByField: ReadonlyMap<string, readonly Problem[]>;
  /** Data pointers of prefilled fields. */
  readonly prefilled: ReadonlySet<string>;
  readonly readOnly: boolean;
  readonly describedBy: string;
  onSelect(item: FieldItem): void;
  onMove(item: FieldItem, to: number): void;
}

// What every item reads; one object, so an item re-renders only when it changes (or its own schema does).
interface TreeContext {
  readonly ids: string;
  readonly selected: string | undefined;
  readonly focused: string | undefined;
  readonly collapsed: ReadonlySet<string>;
  readonly problemsByField: ReadonlyMap<string, readonly Problem[]>;
  readonly prefilled: ReadonlySet<string>;
  readonly draggable: boolean;
  readonly dragging: FieldItem | undefined;
  readonly dropTarget: string | undefined;
  readonly locale: Locale;
  readonly t: Texts;
  readonly w: FieldWords;
  onClick(item: FieldItem): void;
  onToggle(item: FieldItem): void;
  onDragStart(item: FieldItem): void;
  onDragOver(item: FieldItem, event: DragEvent): void;
  onDrop(item: FieldItem, event: DragEvent): void;
  onDragEnd(): void;
}

export const itemId = (ids: string, pointer: string): string => `${ids}-${encodeURIComponent(pointer)}`;

export function FieldTree({ index, selected, problemsByField, prefilled, readOnly, describedBy, onSelect, onMove }: FieldTreeProps) {
  const { t, locale } = useDesigner();
  const ids = useId();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<string | undefined>(selected);
  const [dragging, setDragging] = useState<FieldItem>();
  const [dropTarget, setDropTarget] = useState<string>();
  const focusAfterRender = useRef(false);
  const visible = useMemo(() => visibleItems(index.roots, collapsed), [index, collapsed]);

  // a selection made elsewhere (a problem followed, a field added) opens the groups around it, takes the focus stop
  // and is scrolled to (once: not again for every keystroke into its label)
  const shown = useRef<string>(undefined);
  useEffect(() => {
    if (selected === undefined) return;
    setFocused(selected);
    const around = ancestorsOf(index, selected);
    setCollapsed((now) => (around.some((a) => now.has(a)) ? new Set([...now].filter((c) => !around.includes(c))) : now));
    if (shown.current === selected) return;
    shown.current = selected;
    window.requestAnimationFrame(() => document.getElementById(itemId(ids, selected))?.scrollIntoView({ block: 'nearest' }));
  }, [selected, index, ids]);
  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    if (focused) document.getElementById(itemId(ids, focused))?.focus();
  });
  // the focus stop must be an item that is shown
  const stop = focused !== undefined && visible.some((v) => v.node.pointer === focused) ? focused : visible[0]?.node.pointer;

  const focus = (item: FieldItem | undefined) => {
    if (!item) return;
    focusAfterRender.current = true;
    setFocused(item.node.pointer);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = visible.findIndex((v) => v.node.pointer === stop);
    const item = visible[at];
    if (!item) return;
    const open = item.children.length > 0 && !collapsed.has(item.node.pointer);
    const movable = !readOnly && !item.isItems;
    const toggle = (pointer: string, close: boolean) => setCollapsed((now) => (close ? new Set([...now, pointer]) : new Set([...now].filter((c) => c !== pointer))));
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const to = item.position + (event.key === 'ArrowUp' ? -1 : 1);
      if (movable && to >= 0 && to < item.siblings) {
        onMove(item, to);
        focus(item); // the item's element moved: keep the focus on it
      }
    } else if (event.key === 'ArrowDown') focus(visible[at + 1]);
    else if (event.key === 'ArrowUp') focus(visible[at - 1]);
    else if (event.key === 'Home') focus(visible[0]);
    else if (event.key === 'End') focus(visible.at(-1));
    else if (event.key === 'ArrowRight') {
      if (item.children.length && !open) toggle(item.node.pointer, false);
      else if (open) focus(item.children[0]);
    } else if (event.key === 'ArrowLeft') {
      if (open) toggle(item.node.pointer, true);
      else focus(index.byPointer.get(item.parentPointer));
    } else if (event.key === 'Enter' || event.key === ' ') onSelect(item);
    else return;
    event.preventDefault();
  };

  const ctx = useMemo<TreeContext>(() => ({
    ids, selected, focused: stop, collapsed, problemsByField, prefilled, draggable: !readOnly, dragging, dropTarget, locale, t, w: fieldWords[locale],
    onClick(item) {
      setFocused(item.node.pointer);
      onSelect(item);
    },
    onToggle(item) {
      setCollapsed((now) => (now.has(item.node.pointer) ? new Set([...now].filter((c) => c !== item.node.pointer)) : new Set([...now, item.node.pointer])));
    },
    onDragStart(item) {
      setDragging(item);
    },
    onDragOver(item, event) {
      // only among siblings: elsewhere no drop is offered
      if (!dragging || dragging.parentField !== item.parentField || item.isItems) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setDropTarget(item.node.pointer);
    },
    onDrop(item, event) {
      if (!dragging || dragging.parentField !== item.parentField || item.isItems) return;
      event.preventDefault();
      if (dragging.node.pointer !== item.node.pointer) onMove(dragging, item.position);
      setDragging(undefined);
      setDropTarget(undefined);
    },
    onDragEnd() {
      setDragging(undefined);
      setDropTarget(undefined);
    },
  }), [ids, selected, stop, collapsed, problemsByField, prefilled, readOnly, dragging, dropTarget, locale, t, onSelect, onMove]);

  return (
    <ul role="tree" className="field-tree" aria-label={t.sections.fields} aria-describedby={describedBy} onKeyDown={onKeyDown} data-testid="field-tree">
      {visible.map((item) => <TreeItem key={item.node.pointer} item={item} ctx={ctx} />)}
    </ul>
  );
}

const TreeItem = memo(function TreeItem({ item, ctx }: { item: FieldItem; ctx: TreeContext }) {
  const { node } = item;
  const { t, w } = ctx;
  const pointer = node.pointer;
  const id = itemId(ctx.ids, pointer);
  const expanded = item.children.length ? !ctx.collapsed.has(pointer) : undefined;
  const problems = ctx.problemsByField.get(pointer)?.length ?? 0;
  const label = localizedText(node.schema.title, node.schema.description, ctx.locale).title;
  const movable = ctx.draggable && !item.isItems;
  const classes = [ctx.dropTarget === pointer && 'drop-target', ctx.dragging?.node.pointer === pointer && 'dragging'].filter(Boolean).join(' ');
  return (
    <li
      role="treeitem" id={id} aria-selected={ctx.selected === pointer} aria-expanded={expanded}
      aria-level={item.level} aria-setsize={item.siblings} aria-posinset={item.position + 1} tabIndex={ctx.focused === pointer ? 0 : -1}
      className={classes || undefined} draggable={movable}
      onDragStart={movable ? (e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', node.field);
        ctx.onDragStart(item);
      } : undefined}
      onDragOver={(e) => ctx.onDragOver(item, e)}
      onDrop={(e) => ctx.onDrop(item, e)}
      onDragEnd={ctx.onDragEnd}
      data-testid="field-item" data-field={node.field} data-parent={item.parentField}
    >
      {/* selected on press, as a list box does: focusing a half-hidden item scrolls the tree before the release */}
      <div className="tree-row" onMouseDown={(e) => e.button === 0 && ctx.onClick(item)}>
        <span className="tree-toggle" aria-hidden="true" onMouseDown={expanded === undefined ? undefined : (e) => {
          e.stopPropagation();
          ctx.onToggle(item);
        }}>{expanded === undefined ? '' : expanded ? '▾' : '▸'}</span>
        <span className="tree-label">
          <span className="field-name">{item.isItems ? w.items : node.name}{item.required && <><span className="required-mark" aria-hidden="true">*</span><span className="visually-hidden">{w.requiredBadge}</span></>}</span>
          {label && label !== node.name && <span className="field-title">{label}</span>}
          {item.type && <span className="field-type">{t.types[item.type] ?? item.type}</span>}
          {item.ref && <span className="badge">{w.sharedBadge}</span>}
          {item.condition && <span className="badge">{w.conditionalBadge}</span>}
          {ctx.prefilled.has(node.field) && <span className="badge">{w.prefilledBadge}</span>}
          {problems > 0 && (
            <>
              <span className="problem-badge" aria-hidden="true">!</span>
              <span className="visually-hidden">{t.problemsCount(problems)}</span>
            </>
          )}
        </span>
      </div>
    </li>
  );
}, (a, b) => a.ctx === b.ctx && sameItem(a.item, b.item));

// Everything an item draws comes from its own schema and from where it sits.
function sameItem(a: FieldItem, b: FieldItem): boolean {
  return a.node.schema === b.node.schema && a.node.pointer === b.node.pointer && a.required === b.required && a.position === b.position && a.siblings === b.siblings
    && a.condition?.field === b.condition?.field && a.condition?.equals === b.condition?.equals;
}

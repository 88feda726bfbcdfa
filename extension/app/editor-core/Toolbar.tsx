/**
 * Formatting toolbar. One tab stop (roving tabindex): Tab enters and leaves it, the arrow keys,
 * Home and End move between buttons, as the ARIA toolbar pattern describes. The table's buttons
 * join it while the caret is in a table.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useT } from '../../components/i18n';
import { ToolbarIcon } from './ToolbarIcon';
import { type Dialogs, runToolbarItem, toolbarState, visibleToolbarItems } from './toolbar-actions';

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

export function Toolbar(props: { editor: Editor; dialogs: Dialogs }) {
  const t = useT();
  const { editor } = props;
  const state = useEditorState({ editor, selector: ({ editor: current }) => toolbarState(current) });
  const items = visibleToolbarItems(state);
  const [chosen, setFocused] = useState(0);
  // The table's buttons leave when the caret leaves the table: the tab stop stays on a button.
  const focused = Math.min(chosen, items.length - 1);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent) => {
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(focused, items.length);
    setFocused(next);
    buttons.current[next]?.focus();
  };

  return (
    <div role="toolbar" aria-label={t('editor.toolbar.label')} className="toolbar" onKeyDown={onKeyDown}>
      {items.map((item, index) => (
        <button
          key={item.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={`toolbar-button toolbar-${item.group} toolbar-${item.id}`}
          aria-label={t(item.label)}
          title={t(item.label)}
          aria-pressed={item.toggle ? state[item.id] : undefined}
          tabIndex={index === focused ? 0 : -1}
          onFocus={() => setFocused(index)}
          onClick={() => runToolbarItem(item.id, editor, props.dialogs, t)}
        >
          <ToolbarIcon id={item.id} />
        </button>
      ))}
    </div>
  );
}

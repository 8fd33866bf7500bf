/**
 * A list of tasks with their state (GOV.UK's task-list pattern): each task's
 * name is a link (the whole row is the tap target), its state is a word, not
 * only a colour, and the link is described by its hint and state, so a screen
 * reader says 「請求する方、リンク、未入力」. A task that cannot start yet has no
 * link. Presentational only: the caller decides the states and where a task leads.
 */
import type { MouseEvent } from 'react';
import type { TaskState } from './taskState';
import { useTaskText } from './taskMessages';

export interface TaskItem {
  /** Unique within the list (letters, digits, `-`); the element ids derive from it. */
  id: string;
  title: string;
  state: TaskState;
  /** Where the task opens, as a real address (it also opens in a new tab); ignored when the task cannot start. */
  href?: string;
  /** In-app navigation, called instead of following `href` on a plain click. */
  onSelect?: () => void;
  /** A short line under the name: what the task asks, or why it cannot start yet. */
  hint?: string;
  /** Words for the state instead of the usual ones (e.g. 確認済 for a procedure of a bundle). */
  statusLabel?: string;
}

interface Props {
  items: readonly TaskItem[];
  /** Names the list for screen readers (「入力する項目」). */
  label?: string;
}

const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

export function TaskList({ items, label }: Props) {
  const text = useTaskText();
  return (
    <ul className="task-list" aria-label={label}>
      {items.map((item) => {
        const id = `task-${item.id}`;
        const linked = item.href !== undefined && item.state !== 'cannotStart';
        const describedBy = [item.hint ? `${id}-hint` : '', `${id}-status`].filter(Boolean).join(' ');
        return (
          <li key={item.id} className={`task-list__item${linked ? ' task-list__item--link' : ''}`}>
            <div className="task-list__name">
              {linked ? (
                <a
                  className="task-list__link"
                  href={item.href}
                  aria-describedby={describedBy}
                  onClick={
                    item.onSelect &&
                    ((e) => {
                      if (!plainClick(e)) return;
                      e.preventDefault();
                      item.onSelect!();
                    })
                  }
                >
                  {item.title}
                </a>
              ) : (
                <span className="task-list__title">{item.title}</span>
              )}
              {item.hint && (
                <p id={`${id}-hint`} className="task-list__hint">
                  {item.hint}
                </p>
              )}
            </div>
            <p id={`${id}-status`} className="task-list__status">
              <strong className={`task-tag task-tag--${item.state}`}>{item.statusLabel ?? text(`state.${item.state}`)}</strong>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

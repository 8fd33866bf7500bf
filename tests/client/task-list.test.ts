/** @jest-environment jsdom */
/**
 * The task list as a screen reader and a finger meet it: one list item per
 * task, the name a link described by its hint and its state, the state as a
 * word (Japanese first, English from the catalogue), no link for a task that
 * cannot start, and a plain click handled in the app.
 */
import { createElement } from 'react';
import { fireEvent, render } from '@testing-library/react';
import { loadClient, type AnyProps } from './clientModules';
import { view } from './domView';

const { TaskList } = loadClient<{ TaskList: (props: AnyProps) => null }>('resident/tasks/TaskList');
const { setLanguage } = loadClient<{ setLanguage: (l: 'ja' | 'en') => void }>('common/i18n/languageStore');
const { LanguageProvider } = loadClient<{ LanguageProvider: (props: AnyProps) => null }>('common/i18n/LanguageContext');

const items = (onSelect: () => void) => [
  { id: 'step-1', title: '請求する方', state: 'complete', href: '?step=1', onSelect },
  { id: 'step-2', title: '配偶者', state: 'inProgress', href: '?step=2', onSelect },
  { id: 'step-3', title: 'お子さん', state: 'notStarted', href: '?step=3', hint: '全員について入力します', onSelect },
  { id: 'review', title: '入力内容の確認', state: 'cannotStart', href: '?step=review', hint: 'すべて入力すると進めます', onSelect },
];

describe('TaskList', () => {
  it('shows each task with its state in words, linked and described, the blocked one without a link', () => {
    const { container } = render(createElement(TaskList, { items: items(() => undefined), label: '入力する項目' }));
    const list = view(container).querySelector('ul.task-list')!;
    expect(list.getAttribute('aria-label')).toBe('入力する項目');
    const rows = [...view(container).querySelectorAll('li')];
    expect(rows.map((r) => r.querySelector('.task-list__status')?.textContent)).toEqual(['入力済み', '入力中', '未入力', 'まだ進めません']);
    const link = rows[2]!.querySelector('a')!;
    expect(link.textContent).toBe('お子さん');
    expect(link.getAttribute('href')).toBe('?step=3');
    const described = link.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => view(container).querySelector(`#${id}`)?.textContent)).toEqual(['全員について入力します', '未入力']);
    expect(rows[0]!.querySelector('a')!.getAttribute('aria-describedby')).toBe('task-step-1-status');
    expect(rows[3]!.querySelector('a')).toBeNull();
    expect(rows[3]!.textContent).toContain('入力内容の確認');
  });

  it('handles a plain click in the app and leaves a modified click to the browser', () => {
    const selected = jest.fn();
    const { container } = render(createElement(TaskList, { items: items(selected) }));
    const link = view(container).querySelector('a[href="?step=2"]')! as unknown as Element;
    expect(fireEvent.click(link)).toBe(false); // default prevented
    expect(selected).toHaveBeenCalledTimes(1);
    expect(fireEvent.click(link, { ctrlKey: true })).toBe(true);
    expect(selected).toHaveBeenCalledTimes(1);
  });

  it('speaks English from the task catalogue, and a caller’s own word for a state wins', () => {
    setLanguage('en');
    try {
      const list = [
        { id: 'a', title: 'Claimant', state: 'notStarted', href: '#a' },
        { id: 'b', title: '児童手当', state: 'complete', href: '#b', statusLabel: 'Checked' },
      ];
      const { container, unmount } = render(createElement(LanguageProvider, null, createElement(TaskList, { items: list })));
      expect([...view(container).querySelectorAll('.task-list__status')].map((s) => s.textContent)).toEqual(['Not started', 'Checked']);
      unmount();
    } finally {
      setLanguage('ja');
    }
  });
});

/** @jest-environment jsdom */
/**
 * 和暦: the conversions (令和8年11月23日 ⇄ 2026-11-23, the 平成/令和 boundary)
 * and the date widget RJSF picks for `format: "date"`: era + 年/月/日 in,
 * ISO out, the other calendar shown beside.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadClient, residentForm } from './clientModules';
import { view } from './domView';

interface Wareki {
  toWareki: (iso: string) => { era: string; year: number; month: number; day: number } | null;
  fromWareki: (era: string, year: number, month: number, day: number) => { iso: string; outsideEra: boolean } | null;
  formatWareki: (iso: string) => string;
  formatBothCalendars: (iso: string) => string;
}
const w = loadClient<Wareki>('common/wareki');

describe('wareki conversions', () => {
  it('令和8年11月23日 ⇄ 2026-11-23', () => {
    expect(w.fromWareki('令和', 8, 11, 23)).toEqual({ iso: '2026-11-23', outsideEra: false });
    expect(w.toWareki('2026-11-23')).toEqual({ era: '令和', year: 8, month: 11, day: 23 });
    expect(w.formatWareki('2026-11-23')).toBe('令和8年11月23日');
    expect(w.formatBothCalendars('2026-11-23')).toBe('令和8年（2026年）11月23日');
  });

  it('平成31年4月30日 is the last day of 平成; 5月1日 is 令和元年', () => {
    expect(w.fromWareki('平成', 31, 4, 30)).toEqual({ iso: '2019-04-30', outsideEra: false });
    expect(w.formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(w.formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(w.fromWareki('令和', 1, 5, 1)).toEqual({ iso: '2019-05-01', outsideEra: false });
    expect(w.fromWareki('平成', 31, 5, 1)).toEqual({ iso: '2019-05-01', outsideEra: true });
  });

  it('knows the older eras and refuses dates that do not exist', () => {
    expect(w.formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(w.formatWareki('1989-01-08')).toBe('平成元年1月8日');
    expect(w.formatWareki('1926-12-25')).toBe('昭和元年12月25日');
    expect(w.formatWareki('1926-12-24')).toBe('大正15年12月24日');
    expect(w.fromWareki('令和', 7, 2, 29)).toBeNull(); // 2025 is not a leap year
    expect(w.fromWareki('令和', 0, 1, 1)).toBeNull();
  });
});

describe('WarekiDateWidget', () => {
  const schema = { type: 'object', properties: { when: { type: 'string', title: '出生日', format: 'date' } } };

  it('stores ISO from 元号・年・月・日 and shows 西暦 beside', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    const group = screen.getByRole('group', { name: /出生日/ });
    expect(within(group).getByLabelText('元号（和暦・西暦）')).toBeTruthy();
    await userEvent.selectOptions(within(group).getByLabelText('元号（和暦・西暦）'), '令和');
    await userEvent.type(within(group).getByLabelText('年'), '8');
    await userEvent.selectOptions(within(group).getByLabelText('月'), '11');
    await userEvent.selectOptions(within(group).getByLabelText('日'), '23');
    expect(changes.at(-1)).toEqual({ when: '2026-11-23' });
    expect(view(group).textContent).toContain('＝ 西暦2026年11月23日');
  });

  it('shows a stored date in its own era, and the boundary correctly', () => {
    const { unmount } = render(residentForm({ schema, formData: { when: '2019-04-30' } }));
    expect(view(screen.getByLabelText('元号（和暦・西暦）')).value).toBe('平成');
    expect(view(screen.getByLabelText('年')).value).toBe('31');
    unmount();
    render(residentForm({ schema, formData: { when: '2019-05-01' } }));
    expect(view(screen.getByLabelText('元号（和暦・西暦）')).value).toBe('令和');
    expect(view(screen.getByLabelText('年')).value).toBe('1');
  });

  it('accepts 平成31年5月1日 as 2019-05-01 and says it is 令和元年', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    await userEvent.selectOptions(screen.getByLabelText('元号（和暦・西暦）'), '平成');
    await userEvent.type(screen.getByLabelText('年'), '31');
    await userEvent.selectOptions(screen.getByLabelText('月'), '5');
    await userEvent.selectOptions(screen.getByLabelText('日'), '1');
    expect(changes.at(-1)).toEqual({ when: '2019-05-01' });
    expect(screen.getByText(/令和元年5月1日（西暦2019年5月1日）のことです/)).toBeTruthy();
  });

  it('switching to 西暦 keeps the same date, and 西暦 input shows 和暦 beside', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, formData: { when: '2026-11-23' }, onChange: (d) => changes.push(d) }));
    await userEvent.selectOptions(screen.getByLabelText('元号（和暦・西暦）'), '西暦');
    expect(view(screen.getByLabelText('年')).value).toBe('2026');
    expect(screen.getByText('＝ 令和8年11月23日')).toBeTruthy();
    expect(changes.at(-1)).toEqual({ when: '2026-11-23' });
  });

  it('keeps an unfinished date (year and month) so nothing typed is lost', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    await userEvent.type(screen.getByLabelText('年'), '8');
    await userEvent.selectOptions(screen.getByLabelText('月'), '2');
    expect(changes.at(-1)).toEqual({ when: '2026-02-' });
    // February 2026 has 28 days: the day list follows the month.
    expect(within(screen.getByLabelText('日')).queryByText('29')).toBeNull();
  });
});

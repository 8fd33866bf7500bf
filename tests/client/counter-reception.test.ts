/** @jest-environment jsdom */
/**
 * 受付期間 at the counter (書かない窓口): outside the weekday hours staff are told residents could
 * not apply online now but the counter takes it; outside the dated period, that the counter cannot either.
 */
import { createElement } from 'react';
import { render } from '@testing-library/react';
import type { ProcedureDetail } from '@madoguchi/shared';
import { loadClient } from './clientModules';
import { view } from './domView';

const { CounterReceptionNotice } = loadClient<{ CounterReceptionNotice: (p: { detail: ProcedureDetail; now?: Date }) => unknown }>('staff/pages/counter/CounterReceptionNotice');
const detail = {
  procedure: { reception: { opensAt: '2027-01-05T08:30', closesAt: '2027-01-29T17:15', weekly: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:15' }], closedOnHolidays: true } },
} as unknown as ProcedureDetail;
const shown = (now: string) => view(render(createElement(CounterReceptionNotice as never, { detail, now: new Date(now) })).container).textContent;

describe('受付期間 at the counter', () => {
  it('says nothing while residents can apply', () => {
    expect(shown('2027-01-05T01:00:00Z')).toBe('');
  });
  it('takes the entry outside the weekday hours, saying so', () => {
    expect(shown('2027-01-09T01:00:00Z')).toBe('住民向けの受付時間外ですが、窓口での入力は受け付けます。'); // Saturday
  });
  it('says the counter cannot take it after the period', () => {
    expect(shown('2027-01-29T08:15:00Z')).toBe('この手続の受付は終了しました（令和9年1月29日（金）17:15まで）。 窓口でも受け付けられません。');
  });
});

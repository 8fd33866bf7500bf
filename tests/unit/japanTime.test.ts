/** Japan time in one helper: the day turns at 15:00 UTC, whatever the machine's time zone. */
import { japanClock, japanDayStart, todayInJapan } from '@madoguchi/shared';

describe('Japan time', () => {
  it('reads an instant as the wall clock in Japan, across the year boundary', () => {
    expect(japanClock('2026-12-31T14:59:00Z')).toEqual({ date: '2026-12-31', time: '23:59' });
    expect(japanClock('2026-12-31T15:00:00Z')).toEqual({ date: '2027-01-01', time: '00:00' });
    expect(todayInJapan(new Date('2026-12-05T20:00:00Z'))).toBe('2026-12-06');
  });

  it('gives the instant a Japan-time day starts, and later days', () => {
    expect(japanDayStart('2027-01-01')).toBe('2026-12-31T15:00:00.000Z');
    expect(japanDayStart('2027-01-01', 1)).toBe('2027-01-01T15:00:00.000Z');
  });
});

import { expect } from 'chai';
import { calendarFeatures } from '../../lib/features/calendar-features';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError } from '../helpers';

describe('calendarFeatures (features/calendar-features.ts)', () => {
  it('calendarFeatures: pandas .dt parts (Monday is 0, ISO weeks), and cyclical sine/cosine pairs', () => {
    // 2021-01-03 is a Sunday in ISO week 53 of 2020; 2024-02-29 a Thursday, day 60 of a leap year; by hand.
    const dates = [Date.UTC(2021, 0, 3, 14, 30), Date.UTC(2024, 1, 29), NaN];
    const f = calendarFeatures(dates, {
      parts: ['year', 'quarter', 'month', 'day', 'dayOfWeek', 'dayOfYear', 'weekOfYear', 'hour', 'minute', 'isMonthStart', 'isMonthEnd'],
    });
    const row = (i: number) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v[i]]));
    expect(row(0)).to.deep.equal({
      year: 2021,
      quarter: 1,
      month: 1,
      day: 3,
      dayOfWeek: 6,
      dayOfYear: 3,
      weekOfYear: 53,
      hour: 14,
      minute: 30,
      isMonthStart: 0,
      isMonthEnd: 0,
    });
    expect(row(1)).to.deep.equal({
      year: 2024,
      quarter: 1,
      month: 2,
      day: 29,
      dayOfWeek: 3,
      dayOfYear: 60,
      weekOfYear: 9,
      hour: 0,
      minute: 0,
      isMonthStart: 0,
      isMonthEnd: 1,
    });
    expect(Object.values(row(2)).every(Number.isNaN)).to.equal(true);
    // Cyclical: December and January are neighbours; the year stays a number.
    const c = calendarFeatures([Date.UTC(2020, 11, 1), Date.UTC(2021, 0, 1)], { parts: ['month', 'year'], cyclical: true, prefix: 'd_' });
    expect(Object.keys(c)).to.deep.equal(['d_month_sin', 'd_month_cos', 'd_year']);
    expectClose(
      [c.d_month_sin[0], c.d_month_cos[0], c.d_month_sin[1], c.d_month_cos[1]],
      [Math.sin((2 * Math.PI * 11) / 12), Math.cos((2 * Math.PI * 11) / 12), 0, 1],
      1e-12,
    );
    expectError(() => calendarFeatures(dates, { parts: ['weekday' as 'day'] }), InputError, 'unknown part "weekday"', 'dayOfWeek');
  });
});

import { dayNumber, isDay, isWorkingDay, plannedDays, ruleDays, weekdayOf, type HolidayTable } from './calendar'

const NONE: HolidayTable = { holidays: [], workdays: [] }
const days = (list: { day: string }[]) => list.map((d) => d.day)

describe('rule days', () => {
  it('逢四议事: every Thursday of December 2026', () => {
    expect(ruleDays({ kind: 'weekly', weekdays: [4] }, '2026-12-01', '2026-12-31')).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24', '2026-12-31'])
  })
  it('民意"5"来听 and "有一说一": 5/15/25 and 1/11/21', () => {
    expect(ruleDays({ kind: 'monthly', days: [5, 15, 25] }, '2026-02-01', '2026-03-10')).toEqual(['2026-02-05', '2026-02-15', '2026-02-25', '2026-03-05'])
    expect(ruleDays({ kind: 'monthly', days: [1, 11, 21] }, '2026-12-01', '2027-01-01')).toEqual(['2026-12-01', '2026-12-11', '2026-12-21', '2027-01-01'])
  })
  it('month ends and leap years: a month without the day has no session then', () => {
    const ends = { kind: 'monthly' as const, days: [29, 30, 31] }
    expect(ruleDays(ends, '2027-02-01', '2027-02-28')).toEqual([])
    expect(ruleDays(ends, '2028-02-01', '2028-02-29')).toEqual(['2028-02-29'])
    expect(ruleDays(ends, '2026-04-01', '2026-05-01')).toEqual(['2026-04-29', '2026-04-30'])
    expect(ruleDays(ends, '2026-03-01', '2026-03-31')).toEqual(['2026-03-29', '2026-03-30', '2026-03-31'])
  })
  it('半月谈: every other week from the anchor\'s week, both ways and across the new year', () => {
    const rule = { kind: 'weekly' as const, weekdays: [3 as const], everyOtherWeek: { anchor: '2026-12-03' } }
    expect(ruleDays(rule, '2026-11-01', '2027-01-20')).toEqual(['2026-11-04', '2026-11-18', '2026-12-02', '2026-12-16', '2026-12-30', '2027-01-13'])
  })
  it('weekdays are ISO (Monday 1 … Sunday 7); a day that does not exist is refused', () => {
    expect([weekdayOf(dayNumber('2026-11-30')), weekdayOf(dayNumber('2026-12-03')), weekdayOf(dayNumber('2026-12-06'))]).toEqual([1, 4, 7])
    expect(weekdayOf(dayNumber('1969-12-29'))).toBe(1)
    expect([isDay('2026-02-29'), isDay('2028-02-29'), isDay('2026-13-01'), isDay('2026-1-1')]).toEqual([false, true, false, false])
  })
})

describe('public holidays', () => {
  // an example table: 国庆 1–7 October off, Saturday 10 October worked (调休)
  const national: HolidayTable = { holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] }
  const thursdays = { kind: 'weekly' as const, weekdays: [4 as const] }
  it('a working day: a weekday that is no holiday, or a 调休 weekend day', () => {
    expect(['2026-10-01', '2026-10-08', '2026-10-10', '2026-10-11'].map((d) => isWorkingDay(d, national))).toEqual([false, true, true, false])
  })
  it('skip: no session on the holiday', () => {
    expect(days(plannedDays(thursdays, 'skip', national, '2026-10-01', '2026-10-31'))).toEqual(['2026-10-08', '2026-10-15', '2026-10-22', '2026-10-29'])
  })
  it('keep: it meets anyway', () => {
    expect(days(plannedDays(thursdays, 'keep', national, '2026-10-01', '2026-10-15'))).toEqual(['2026-10-01', '2026-10-08', '2026-10-15'])
  })
  it('next working day: moved past the holiday week; landing on the next session\'s day it is one session (the earlier rule day\'s)', () => {
    expect(plannedDays(thursdays, 'next_working_day', national, '2026-10-01', '2026-10-15')).toEqual([
      { day: '2026-10-08', ruleDay: '2026-10-01' },
      { day: '2026-10-15', ruleDay: '2026-10-15' },
    ])
  })
  it('next working day: over a weekend to Monday, or to a 调休 Saturday', () => {
    const fives = { kind: 'monthly' as const, days: [25] }
    const xmas: HolidayTable = { holidays: ['2026-12-25'], workdays: [] }
    expect(plannedDays(fives, 'next_working_day', xmas, '2026-12-01', '2026-12-31')).toEqual([{ day: '2026-12-28', ruleDay: '2026-12-25' }])
    expect(plannedDays(fives, 'next_working_day', { ...xmas, workdays: ['2026-12-26'] }, '2026-12-01', '2026-12-31')).toEqual([{ day: '2026-12-26', ruleDay: '2026-12-25' }])
  })
  it('a 调休 day listed as both is worked: the session stays', () => {
    expect(days(plannedDays(thursdays, 'skip', { holidays: ['2026-10-08'], workdays: ['2026-10-08'] }, '2026-10-08', '2026-10-08'))).toEqual(['2026-10-08'])
    expect(days(plannedDays(thursdays, 'skip', NONE, '2026-10-08', '2026-10-08'))).toEqual(['2026-10-08'])
  })
})

/**
 * 议事 on fixed days: which China days a series meets on. 逢四议事 is every Thursday; 民意"5"来听 the
 * 5th, 15th and 25th; "有一说一" the 1st, 11th and 21st; 半月谈 every other week. Public holidays
 * follow the series' policy, by the community's table of 法定节假日 and 调休 working days.
 * Days are 'YYYY-MM-DD' (China calendar days); pure, no clock.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export type SeriesRule =
  /** On these weekdays; every other week: the weeks of `anchor` and every second one from it. */
  | { kind: 'weekly'; weekdays: Weekday[]; everyOtherWeek?: { anchor: string } }
  /** On these days of the month; a month without the day (the 31st in April) has no session then. */
  | { kind: 'monthly'; days: number[] }

/** On a public holiday: no session, the next working day, or meet anyway. */
export type HolidayPolicy = 'skip' | 'next_working_day' | 'keep'

/** The year's 法定节假日 (days off) and 调休 (weekend days worked), as the admin keeps them. */
export interface HolidayTable {
  holidays: string[]
  workdays: string[]
}

export interface PlannedDay {
  /** The day it meets. */
  day: string
  /** The day the rule gave (the session's key: the same however the table changes later). */
  ruleDay: string
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** 'YYYY-MM-DD' → days since 1970-01-01 (calendar arithmetic in UTC: no time zone involved). */
export function dayNumber(day: string): number {
  const m = DAY.exec(day)
  if (!m) throw new Error(`not a day: ${day}`)
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(t).toISOString().slice(0, 10) !== day) throw new Error(`no such day: ${day}`)
  return t / 86_400_000
}

export const dayOf = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10)

export const isDay = (s: string): boolean => {
  try {
    dayNumber(s)
    return true
  } catch {
    return false
  }
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export const weekdayOf = (n: number): Weekday => ((((n + 3) % 7) + 7) % 7) + 1 as Weekday

/** A working day: a weekday that is no holiday, or a 调休 weekend day worked. */
export function isWorkingDay(day: string, table: HolidayTable): boolean {
  if (table.workdays.includes(day)) return true
  if (table.holidays.includes(day)) return false
  return weekdayOf(dayNumber(day)) <= 5
}

/** The days in [from, to] (inclusive) the rule gives. */
export function ruleDays(rule: SeriesRule, from: string, to: string): string[] {
  const out: string[] = []
  const [a, b] = [dayNumber(from), dayNumber(to)]
  // Monday of the anchor's week: a week is "on" when it is an even number of weeks from it
  const anchorMonday = rule.kind === 'weekly' && rule.everyOtherWeek ? dayNumber(rule.everyOtherWeek.anchor) - (weekdayOf(dayNumber(rule.everyOtherWeek.anchor)) - 1) : null
  for (let n = a; n <= b; n++) {
    if (rule.kind === 'weekly') {
      if (!rule.weekdays.includes(weekdayOf(n))) continue
      if (anchorMonday !== null && Math.floor((n - anchorMonday) / 7) % 2 !== 0) continue
      out.push(dayOf(n))
    } else if (rule.days.includes(Number(dayOf(n).slice(8)))) out.push(dayOf(n))
  }
  return out
}

/**
 * The sessions of a series whose rule days fall in [from, to], after the holiday policy: a rule day
 * on a holiday is dropped (skip), moved to the next working day (next_working_day) or kept (keep).
 * Two sessions never fall on one day: a moved one that lands on another's day is one session (the
 * earlier rule day's).
 */
export function plannedDays(rule: SeriesRule, policy: HolidayPolicy, table: HolidayTable, from: string, to: string): PlannedDay[] {
  const out: PlannedDay[] = []
  const taken = new Set<string>()
  for (const ruleDay of ruleDays(rule, from, to)) {
    let day = ruleDay
    if (table.holidays.includes(ruleDay) && !table.workdays.includes(ruleDay)) {
      if (policy === 'skip') continue
      if (policy === 'next_working_day') {
        let n = dayNumber(ruleDay) + 1
        while (!isWorkingDay(dayOf(n), table)) n++
        day = dayOf(n)
      }
    }
    if (taken.has(day)) continue
    taken.add(day)
    out.push({ day, ruleDay })
  }
  return out.sort((x, y) => x.day.localeCompare(y.day))
}

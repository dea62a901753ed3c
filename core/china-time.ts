/**
 * China time (Asia/Shanghai: UTC+8 all year, no daylight saving), the calendar every rule of the
 * community lives by: days, daily caps, deadlines, expiry, event times, and what the app shows.
 * Pure arithmetic on epoch ms: the result never depends on the time zone of the process or phone
 * (cloud functions run in UTC; a phone may be set anywhere).
 */

export const CHINA_OFFSET_MS = 8 * 3600 * 1000
export const MINUTE_MS = 60 * 1000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** A wall-clock reading in China. `m` is 1–12, `weekday` 0 (Sunday) – 6. */
export interface ChinaParts {
  y: number
  m: number
  d: number
  h: number
  min: number
  weekday: number
}

/** The China wall clock at an instant. */
export function chinaParts(at: number): ChinaParts {
  const t = new Date(at + CHINA_OFFSET_MS)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes(), weekday: t.getUTCDay() }
}

/** The instant a China wall-clock reading means. Out-of-range parts roll over (d: 32 → next month). */
export function chinaInstant({ y, m, d = 1, h = 0, min = 0 }: { y: number; m: number; d?: number; h?: number; min?: number }): number {
  return Date.UTC(y, m - 1, d, h, min) - CHINA_OFFSET_MS
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 'YYYY-MM-DD': the China day an instant falls on (the key of daily caps and quotas). */
export function chinaDay(at: number): string {
  const p = chinaParts(at)
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`
}

/** 'HH:mm' on the China clock. */
export function chinaClock(at: number): string {
  const p = chinaParts(at)
  return `${pad(p.h)}:${pad(p.min)}`
}

/** 'YYYY-MM-DD HH:mm' in China time, as people in the community read a time in a file. */
export function chinaMinute(at: number): string {
  return `${chinaDay(at)} ${chinaClock(at)}`
}

export const chinaYear = (at: number): number => chinaParts(at).y

/** 00:00 China time of the day `at` falls on. */
export function startOfChinaDay(at: number): number {
  return Math.floor((at + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS
}

/** 00:00 China time of the next day: the (exclusive) end of the day `at` falls on. */
export const endOfChinaDay = (at: number): number => startOfChinaDay(at) + DAY_MS

/** The same China wall-clock time `days` later (China has no daylight saving: whole days). */
export const addDays = (at: number, days: number): number => at + days * DAY_MS

/** `h:min` China time on the day `days` after the China day of `at` (e.g. "in 3 days at 8:30"). */
export function chinaAt(at: number, days: number, h: number, min = 0): number {
  return startOfChinaDay(at) + days * DAY_MS + h * HOUR_MS + min * MINUTE_MS
}

/** The China month `at` falls in, `months` later: its key 'YYYY-MM' and [start, end) instants. */
export function chinaMonth(at: number, months = 0): { key: string; start: number; end: number } {
  const { y, m } = chinaParts(at)
  const start = chinaInstant({ y, m: m + months })
  const s = chinaParts(start)
  return { key: `${s.y}-${pad(s.m)}`, start, end: chinaInstant({ y: s.y, m: s.m + 1 }) }
}

/** 00:00 China time on 1 January of `year`. */
export const startOfChinaYear = (year: number): number => chinaInstant({ y: year, m: 1 })

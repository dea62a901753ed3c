/**
 * How the app shows a time: always China time (core/china-time.ts), whatever zone the phone is set
 * to, with the year when it is not this (China) year, so last January never reads as a future date.
 */
import { chinaClock, chinaParts, DAY_MS, HOUR_MS, MINUTE_MS } from '@core/china-time'

/** "1月6日", or "2025年1月6日" outside the current China year. */
export function shortDate(at: number, now = Date.now()): string {
  const { y, m, d } = chinaParts(at)
  return `${y === chinaParts(now).y ? '' : `${y}年`}${m}月${d}日`
}

/** "3月5日 14:30" — how residents read a time ("2025年3月5日 14:30" in another year). */
export function shortTime(at: number, now = Date.now()): string {
  return `${shortDate(at, now)} ${chinaClock(at)}`
}

/** "14:30" on the China clock. */
export const clock = chinaClock

/** "刚刚", "5分钟前", "3小时前", "2天前"; after a month the date itself. */
export function fromNow(at: number, now = Date.now()): string {
  const ago = now - at
  if (ago < MINUTE_MS) return '刚刚'
  if (ago < HOUR_MS) return `${Math.floor(ago / MINUTE_MS)}分钟前`
  if (ago < DAY_MS) return `${Math.floor(ago / HOUR_MS)}小时前`
  if (ago < 30 * DAY_MS) return `${Math.floor(ago / DAY_MS)}天前`
  return shortDate(at, now)
}

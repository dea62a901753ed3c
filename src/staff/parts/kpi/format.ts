/** How figures read on the dashboard: a rate as "95%" (— when there is nothing to divide), durations as hour bands. */
export const pct = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`)

export const hoursText = (q: { hours: number | null; n: number }): string => (q.n === 0 ? '—' : q.hours === null ? '一周以上' : q.hours < 24 ? `${q.hours}小时内` : `${q.hours / 24}天内`)

/** '2026-11' → '11月'; another year → '2025年11月'. */
export function monthLabel(month: string, thisYear: number): string {
  const [y, m] = month.split('-').map(Number)
  return y === thisYear ? `${m}月` : `${y}年${m}月`
}

/** KPI words the app shows: no zod, so pages import them without the schemas. */

/** The figures one can tap to see the orders behind them. */
export const FIGURE_LABELS = {
  collected: '收集',
  withdrawn: '撤回',
  solved: '解决',
  unsolved: '未解决',
  late_answer: '没按时响应',
  overdue: '超时',
  reopened: '重办',
  rated_low: '评价低于4星',
  by_timer: '系统自动确认',
  check_not: '回访没解决',
}
export const FIGURES = Object.keys(FIGURE_LABELS) as (keyof typeof FIGURE_LABELS)[]
export type Figure = (typeof FIGURES)[number]

/** The month `n` after (negative: before) 'YYYY-MM' — the dashboard's month switch and the server's six months alike. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

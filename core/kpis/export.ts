/**
 * The exports, through the one CSV writer (core/csv.ts): the figures with how each is counted
 * (口径说明), and one row per order behind them (phones masked).
 */
import { chinaMinute } from '../china-time'
import { toCsv, type Cell } from '../csv'
import { CATEGORY_LABELS, type Category } from '../orders/categories'
import { SOURCE_LABELS, STATUS_LABELS } from '../orders/vocab'
import { maskPhone } from '../users/vocab'
import type { DashboardView, FiguresView } from './contract'
import { factsOf, type FactsInput } from './facts'
import { triageHoursOf } from './cells'

const pct = (r: { value: number | null }) => (r.value === null ? null : Math.round(r.value * 1000) / 10)
const hours = (q: { hours: number | null; n: number }) => (q.n === 0 ? null : q.hours === null ? '168小时以上' : `${q.hours}小时以内`)

/** Each figure: its name, value, numerator, denominator, and how it is counted (docs/kpis.md). */
const FIGURE_ROWS: [string, (f: FiguresView) => Cell[], string][] = [
  ['收集（件）', (f) => [f.collected, null, null], '本月新建的单子，不含网格员处理前居民自己撤回的'],
  ['撤回（件）', (f) => [f.withdrawn, null, null], '网格员处理前居民自己取消的'],
  ['响应率（%）', (f) => [pct(f.responseRate), f.responseRate.num, f.responseRate.den], '在分派时限内有工作人员处理（派单、指派、上报、转介、不受理）的 ÷（收集 − 尚未处理且未到时限的）'],
  ['解决率（%）', (f) => [pct(f.solveRate), f.solveRate.num, f.solveRate.den], '已完成（确认后未重开）加上报办结且回访说已解决的 ÷ 收集'],
  ['系统自动确认占解决（%）', (f) => [pct(f.solvedByTimer), f.solvedByTimer.num, f.solvedByTimer.den], '完成72小时居民未确认、系统自动确认的 ÷ 解决'],
  ['回访说已解决（%）', (f) => [pct(f.residentSolved), f.residentSolved.num, f.residentSolved.den], '回访答“已解决”的 ÷ 回访作答的'],
  ['满意率（%）', (f) => [pct(f.satisfaction), f.satisfaction.num, f.satisfaction.den], '4星和5星 ÷ 评价的单子'],
  ['参评率（%）', (f) => [pct(f.participation), f.participation.num, f.participation.den], '评价的 ÷ 已完成的'],
  ['响应时间中位数', (f) => [hours(f.responseMedian), null, f.responseMedian.n], '按小时分档：1、2、4、8、24、48、72、168小时'],
  ['响应时间P90', (f) => [hours(f.responseP90), null, f.responseP90.n], '九成单子在这个时间内有人处理'],
  ['办结时间中位数', (f) => [hours(f.finishMedian), null, f.finishMedian.n], '从提交到完成、办结、转介或不受理'],
  ['超时率（%）', (f) => [pct(f.overdueRate), f.overdueRate.num, f.overdueRate.den], '超过时限被标记超时过的 ÷ 收集'],
  ['重办率（%）', (f) => [pct(f.redoRate), f.redoRate.num, f.redoRate.den], '重新打开过的 ÷ 做完过的'],
  ['回退率（%）', (f) => [pct(f.releaseRate), f.releaseRate.num, f.releaseRate.den], '志愿者退回的次数 ÷ 接单次数'],
]

/** The figures of the scope, then of each unit (grid or community), with the definitions. */
export function figuresCsv(view: DashboardView, scopeName: string): string {
  const head = ['范围', '指标', '数值', '分子', '分母或n', '口径说明', '排名']
  const rows = [{ name: scopeName, figures: view.totals, rank: null as number | null }, ...view.units.map((u) => ({ name: u.name, figures: u.figures, rank: u.rank }))].flatMap((u) =>
    FIGURE_ROWS.map(([name, value, how]) => [u.name, name, ...value(u.figures), how, u.rank ?? (u.figures.rankable ? null : '不足5件或5个评价，不排名')]),
  )
  return toCsv(head, rows)
}

export const ORDER_HEAD = ['单号', '网格', '楼栋', '类别', '三事分流', '来源', '提交时间', '首次响应时间', '接单时间', '完成时间', '确认时间', '确认方式', '星级', '重新打开次数', '超时过', '状态', '联系电话']
const KIND = { small: '小事', big: '大事', private: '私事', none: '未分流' }
const at = (t: number | undefined | null) => (t ? chinaMinute(t) : null)

/** One row per order; the contact phone masked (138****1234). */
export function orderRow(o: FactsInput & { contactPhone?: string }, names: { grid: (id: string) => string; building: (id: string) => string }): Cell[] {
  const f = factsOf(o, triageHoursOf(o))
  const first = (events: string[]) => o.timeline.find((e) => events.includes(e.event))?.at
  const last = (events: string[]) => [...o.timeline].reverse().find((e) => events.includes(e.event))
  const confirm = last(['CONFIRM', 'AUTO_CONFIRM'])
  return [
    o.no,
    names.grid(o.gridId),
    names.building(o.buildingId),
    CATEGORY_LABELS[o.category as Category] ?? o.category,
    KIND[f.kind],
    SOURCE_LABELS[f.source],
    at(o.createdAt),
    at(first(['PUBLISH', 'ASSIGN', 'ESCALATE', 'REFER', 'REJECT'])),
    at(first(['ACCEPT'])),
    at(last(['REPORT_DONE', 'CLOSE', 'REFER', 'REJECT'])?.at),
    o.status === 'confirmed' ? at(confirm?.at) : null,
    o.status === 'confirmed' ? (confirm?.event === 'AUTO_CONFIRM' ? '系统自动' : '居民') : null,
    f.stars,
    o.reopenCount,
    f.everOverdue,
    STATUS_LABELS[o.status],
    o.contactPhone ? maskPhone(o.contactPhone) : null,
  ]
}

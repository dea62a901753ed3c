/**
 * The `kpis` cloud function: the numbers of one's scope (a 网格员's grids, a community, a street),
 * read from daily aggregates that a timer keeps; the orders behind a figure; a month frozen as 报送版.
 */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { pageInput, pageOutput } from '../contract/paging'
import { STAFF } from '../contract/roles'
import { idSchema } from '../users/schemas'
import { orderSummary } from '../orders/schemas'
import { SKILLS } from '../users/vocab'
import { STATUSES } from '../orders/vocab'
import { FIGURES } from './vocab'

export { FIGURE_LABELS, FIGURES, type Figure } from './vocab'

const WATCHERS = [...STAFF, 'street_admin'] as const

/** A China month, e.g. 2026-11. */
export const monthSchema = z.string({ error: '请选择月份' }).regex(/^20\d\d-(0[1-9]|1[0-2])$/, { error: '月份格式不对，例如 2026-11' })

const rateView = z.object({ value: z.number().nullable(), num: z.number(), den: z.number() })
const quantileView = z.object({ hours: z.number().nullable(), n: z.number() })
export const figuresView = z.object({
  collected: z.number(),
  withdrawn: z.number(),
  bySource: z.record(z.string(), z.number()),
  responseRate: rateView,
  solveRate: rateView,
  solvedByTimer: rateView,
  residentSolved: rateView,
  satisfaction: rateView,
  participation: rateView,
  finished: z.number(),
  solved: z.number(),
  responseMedian: quantileView,
  responseP90: quantileView,
  finishMedian: quantileView,
  finishP90: quantileView,
  overdueRate: rateView,
  redoRate: rateView,
  releaseRate: rateView,
  rankable: z.boolean(),
})
export type FiguresView = z.infer<typeof figuresView>

export const dashboardView = z.object({
  month: z.string(),
  asOf: z.number(),
  level: z.enum(['grid', 'community', 'street']),
  totals: figuresView,
  /** Grids (网格员, admin) or communities (街道): figures and rank (null when not rankable). */
  units: z.array(z.object({ id: z.string(), name: z.string(), figures: figuresView, rank: z.number().nullable() })),
  /** The last 6 months, oldest first: collected, solved and the solve rate. */
  months: z.array(z.object({ month: z.string(), collected: z.number(), solved: z.number(), solveRate: z.number().nullable() })),
  /** Category × state: collected orders by status. */
  categories: z.array(z.object({ category: z.string(), collected: z.number(), byStatus: z.record(z.string(), z.number()) })),
  /** Response times: counts per bucket (edges in hours; the last bucket is longer). */
  responseHist: z.object({ edges: z.array(z.number()), counts: z.array(z.number()) }),
  hotspots: z.array(z.object({ kind: z.enum(['category', 'building']), id: z.string(), label: z.string(), count: z.number(), usual: z.number() })),
  definitionsVersion: z.number(),
})
export type DashboardView = z.infer<typeof dashboardView>

export const reportView = z.object({
  _id: z.string(),
  month: z.string(),
  level: z.enum(['community', 'street']),
  scopeId: z.string(),
  frozenAt: z.number(),
  frozenBy: z.string(),
  definitionsVersion: z.number(),
  totals: figuresView,
  units: dashboardView.shape.units,
})

const scopeInput = {
  month: monthSchema.optional(),
  /** A street admin: one community of the street (default: all of them). */
  communityId: idSchema.optional(),
  gridId: idSchema.optional(),
}

export const kpisFn = defineFunction('kpis', {
  dashboard: {
    summary: '三率和数字（某月，默认本月）：网格员看自己的网格，管理员看全社区各网格，街道管理员看各社区；读每日汇总，今天的数字实时算',
    roles: WATCHERS,
    input: z.object(scopeInput),
    output: dashboardView,
  },
  orders: {
    summary: '数字背后的单子：某月收集的单子里符合该数字的（可按网格、类别、状态筛选），新的在前，按游标翻页；一次最多翻看约一千单，少见的数字一页可能不满（甚至为空）而仍有下一页；不显示电话',
    roles: WATCHERS,
    input: pageInput.extend({
      ...scopeInput,
      figure: z.enum(FIGURES, { error: '请选择数字' }),
      category: z.enum(SKILLS, { error: '请选择类别' }).optional(),
      status: z.enum(STATUSES, { error: '请选择状态' }).optional(),
    }),
    output: pageOutput(orderSummary),
  },
  export: {
    summary: '导出 CSV：数字（每个指标的数值、分子、分母和口径说明，全范围和各网格/社区），或某个数字背后的单子（每单一行，电话打码，最多5000行）',
    roles: WATCHERS,
    input: z.object({ ...scopeInput, what: z.enum(['figures', 'orders'], { error: '请选择导出什么' }), figure: z.enum(FIGURES, { error: '请选择数字' }).optional() }),
    output: z.object({ csv: z.string(), rows: z.number(), truncated: z.boolean() }),
  },
  aggregate: {
    summary: '定时任务（也可由管理员手动触发）：重算有单子变动的日子和月份的汇总（重算得到相同的数）；同一社区同时只算一份，另一份正在算时 busy 为 true、什么也不做',
    roles: ['admin'],
    input: z.object({}),
    output: z.object({ days: z.number(), months: z.number(), orders: z.number(), busy: z.boolean() }),
  },
  freeze: {
    summary: '把已过去的一个月定为报送版：之后不再变化，记下用的口径版本；再次定版返回已有的',
    roles: ['admin', 'street_admin'],
    input: z.object({ month: monthSchema }),
    output: reportView,
    errors: ['MONTH_NOT_OVER'],
  },
  report: {
    summary: '查看某月的报送版（没有定版时为 null）',
    roles: WATCHERS,
    input: z.object({ month: monthSchema, communityId: idSchema.optional() }),
    output: reportView.nullable(),
  },
})

export const KPI_ERRORS = {
  MONTH_NOT_OVER: '这个月还没过完，过完了才能定为报送版',
} as const
export const kpiError = errorCatalog(KPI_ERRORS)

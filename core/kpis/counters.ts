/**
 * Counters that add up: one per cell (community × grid × category × 三事分流 kind) and day, summed
 * into any scope and period. Every rate is computed from them at read time (rates.ts), so a day
 * aggregated once and the same day summed from its orders give the same figures.
 */
import type { OrderFacts } from './facts'
import { SOURCES, STATUSES, type CheckAnswer, type Source, type Status } from '../orders/vocab'

/** Histogram edges in hours: a duration falls in the first bucket whose edge it does not exceed; the last bucket is "longer". */
export const BUCKET_HOURS = [1, 2, 4, 8, 24, 48, 72, 168] as const
const HOUR = 3_600_000

export interface Counters {
  /** Orders created (all of them, withdrawn included: 收集 = created − withdrawn). */
  created: number
  withdrawn: number
  bySource: Record<Source, number>
  byStatus: Record<Status, number>
  answered: number
  answeredInTime: number
  /** Triage deadlines of orders nobody has answered yet: those still ahead leave the 响应率's denominator. */
  unansweredBy: number[]
  responseSum: number
  responseHist: number[]
  finished: number
  finishSum: number
  finishHist: number[]
  solved: number
  solvedByTimer: number
  confirmed: number
  rated: number
  ratedHigh: number
  everOverdue: number
  reopened: number
  everDone: number
  releases: number
  accepts: number
  checks: Record<CheckAnswer, number>
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

export function emptyCounters(): Counters {
  return {
    created: 0, withdrawn: 0, bySource: zeros(SOURCES), byStatus: zeros(STATUSES),
    answered: 0, answeredInTime: 0, unansweredBy: [], responseSum: 0, responseHist: BUCKET_HOURS.map(() => 0).concat(0),
    finished: 0, finishSum: 0, finishHist: BUCKET_HOURS.map(() => 0).concat(0),
    solved: 0, solvedByTimer: 0, confirmed: 0, rated: 0, ratedHigh: 0,
    everOverdue: 0, reopened: 0, everDone: 0, releases: 0, accepts: 0,
    checks: { solved: 0, partly: 0, not: 0 },
  }
}

export function bucketOf(ms: number): number {
  const i = BUCKET_HOURS.findIndex((h) => ms <= h * HOUR)
  return i === -1 ? BUCKET_HOURS.length : i
}

/** Add one order (withdrawn ones count only as 撤回). */
export function addFacts(c: Counters, f: OrderFacts, status: Status): Counters {
  const n = structuredCloneCounters(c)
  n.created++
  n.byStatus[status]++
  if (f.withdrawn) {
    n.withdrawn++
    return n
  }
  n.bySource[f.source]++
  if (f.response === null) n.unansweredBy.push(f.respondBy)
  else {
    n.answered++
    if (f.inTime) n.answeredInTime++
    n.responseSum += f.response
    n.responseHist[bucketOf(f.response)]++
  }
  if (f.toFinish !== null) {
    n.finished++
    n.finishSum += f.toFinish
    n.finishHist[bucketOf(f.toFinish)]++
  }
  if (f.solved) n.solved++
  if (f.solvedByTimer) n.solvedByTimer++
  if (f.confirmed) n.confirmed++
  if (f.stars !== null) {
    n.rated++
    if (f.stars >= 4) n.ratedHigh++
  }
  if (f.everOverdue) n.everOverdue++
  if (f.reopened) n.reopened++
  if (f.everDone) n.everDone++
  n.releases += f.releases
  n.accepts += f.accepts
  if (f.check) n.checks[f.check]++
  return n
}

function structuredCloneCounters(c: Counters): Counters {
  return { ...c, bySource: { ...c.bySource }, byStatus: { ...c.byStatus }, unansweredBy: [...c.unansweredBy], responseHist: [...c.responseHist], finishHist: [...c.finishHist], checks: { ...c.checks } }
}

const sumRecords = <K extends string>(a: Record<K, number>, b: Record<K, number>): Record<K, number> =>
  Object.fromEntries(Object.keys({ ...a, ...b }).map((k) => [k, (a[k as K] ?? 0) + (b[k as K] ?? 0)])) as Record<K, number>

/** a + b, field by field. */
export function mergeCounters(a: Counters, b: Counters): Counters {
  const out = emptyCounters()
  for (const k of Object.keys(out) as (keyof Counters)[]) {
    const x = a[k]
    const y = b[k]
    if (typeof x === 'number') (out as unknown as Record<string, unknown>)[k] = x + (y as number)
    else if (k === 'unansweredBy') out.unansweredBy = [...a.unansweredBy, ...b.unansweredBy]
    else if (Array.isArray(x)) (out as unknown as Record<string, unknown>)[k] = x.map((v, i) => v + ((y as number[])[i] ?? 0))
    else (out as unknown as Record<string, unknown>)[k] = sumRecords(x as Record<string, number>, y as Record<string, number>)
  }
  return out
}


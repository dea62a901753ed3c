/**
 * The figures, from summed counters at an as-of time (docs/kpis.md has each definition in words).
 * A rate whose denominator is 0 is null ("—"), never 0 % or 100 %.
 */
import { BUCKET_HOURS, type Counters } from './counters'

/** The definitions these figures follow; a frozen 报送版 report keeps the version it used. */
export const DEFINITIONS_VERSION = 1
/** Ranked only with at least this many orders collected and this many ratings. */
export const RANK_MIN = 5

export interface Rate {
  /** 0..1, or null when the denominator is 0. */
  value: number | null
  num: number
  den: number
}

/** A duration read off a histogram: the bucket's upper edge in hours (null: longer than the last edge, or no data). */
export interface Quantile {
  /** Upper edge in hours; null when it falls in the last, open bucket ("more than 168 hours"). */
  hours: number | null
  n: number
}

export interface Figures {
  /** 收集 C */
  collected: number
  withdrawn: number
  bySource: Counters['bySource']
  responseRate: Rate
  /** 解决率 S ÷ C (ledger view) */
  solveRate: Rate
  /** Of S, confirmed by the 72-hour timer rather than by the resident. */
  solvedByTimer: Rate
  /** 回访: 已解决 ÷ answers (resident view). */
  residentSolved: Rate
  /** 满意率: ≥ 4 stars ÷ rated; n = rated. */
  satisfaction: Rate
  /** 参评率: rated ÷ confirmed. */
  participation: Rate
  finished: number
  solved: number
  responseMedian: Quantile
  responseP90: Quantile
  finishMedian: Quantile
  finishP90: Quantile
  overdueRate: Rate
  redoRate: Rate
  releaseRate: Rate
  /** C ≥ 5 and at least 5 ratings: may be ranked. */
  rankable: boolean
}

export const rate = (num: number, den: number): Rate => ({ value: den > 0 ? num / den : null, num, den })

/** The bucket holding the q-th quantile (rank ⌈q·n⌉ of n, counted from the shortest). */
export function quantile(hist: readonly number[], q: number): Quantile {
  const n = hist.reduce((a, b) => a + b, 0)
  if (n === 0) return { hours: null, n }
  const rank = Math.max(1, Math.ceil(q * n))
  let seen = 0
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i]
    if (seen >= rank) return { hours: i < BUCKET_HOURS.length ? BUCKET_HOURS[i] : null, n }
  }
  return { hours: null, n }
}

export function figuresOf(c: Counters, now: number): Figures {
  const collected = c.created - c.withdrawn
  const notYetDue = c.unansweredBy.filter((by) => by > now).length
  const answers = c.checks.solved + c.checks.partly + c.checks.not
  return {
    collected,
    withdrawn: c.withdrawn,
    bySource: c.bySource,
    responseRate: rate(c.answeredInTime, collected - notYetDue),
    solveRate: rate(c.solved, collected),
    solvedByTimer: rate(c.solvedByTimer, c.solved),
    residentSolved: rate(c.checks.solved, answers),
    satisfaction: rate(c.ratedHigh, c.rated),
    participation: rate(c.rated, c.confirmed),
    finished: c.finished,
    solved: c.solved,
    responseMedian: quantile(c.responseHist, 0.5),
    responseP90: quantile(c.responseHist, 0.9),
    finishMedian: quantile(c.finishHist, 0.5),
    finishP90: quantile(c.finishHist, 0.9),
    overdueRate: rate(c.everOverdue, collected),
    redoRate: rate(c.reopened, c.everDone),
    releaseRate: rate(c.releases, c.accepts),
    rankable: collected >= RANK_MIN && c.rated >= RANK_MIN,
  }
}

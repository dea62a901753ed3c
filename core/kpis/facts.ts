/**
 * What one order contributes to the numbers community work is judged by (docs/kpis.md): read from
 * the order and its timeline only, so the daily aggregates, today's live figures and the tests
 * compute them the same way.
 */
import { chinaDay } from '../china-time'
import type { Order } from '../orders/model'

import type { CheckAnswer, Source, Status } from '../orders/vocab'

/** 三事分流 kind, or 'none' while nobody has triaged it. */
export type Kind = 'small' | 'big' | 'private' | 'none'

const STAFF_ACTIONS = new Set(['PUBLISH', 'ASSIGN', 'ESCALATE', 'REFER', 'REJECT'])
const FINISHING = new Set(['REPORT_DONE', 'CLOSE', 'REFER', 'REJECT'])
/** 办结 F: the order reached one of these (and is in it now). */
export const FINISHED = ['done', 'confirmed', 'closed', 'referred', 'rejected'] as const

export interface OrderFacts {
  communityId: string
  gridId: string
  category: string
  kind: Kind
  source: Source
  /** China day the order was created: its cohort. */
  day: string
  /** Cancelled by the resident before any staff action: not counted as 收集 (shown as 撤回). */
  withdrawn: boolean
  /** ms from creation to the first staff action (publish, assign, escalate, refer, reject); null: not yet. */
  response: number | null
  /** The triage deadline set when it came in. */
  respondBy: number
  /** Answered by that deadline. */
  inTime: boolean
  /** In 办结 now. */
  finished: boolean
  /** ms from creation to the last step into 办结 (done, closed, referred, rejected); null when not finished. */
  toFinish: number | null
  /** 解决 S: confirmed (and not reopened since), or closed after escalation with the resident answering 已解决. */
  solved: boolean
  /** Solved by the 72-hour timer rather than by the resident. */
  solvedByTimer: boolean
  confirmed: boolean
  /** Stars of its rating, null when not rated. */
  stars: number | null
  everOverdue: boolean
  reopened: boolean
  everDone: boolean
  releases: number
  accepts: number
  check: CheckAnswer | null
}

/** What counting needs of an order: its facts, status and building. */
export interface StoredFacts extends OrderFacts {
  status: Status
  buildingId: string
}

/**
 * StoredFacts as kept on the order (`facts`, rewritten with every change by core/orders/keys
 * withKeys): one flat array, the booleans as bits — about 130 bytes where the object takes 450 and
 * the timeline it comes from more. The timer and today's live figures read this one field; reading
 * it costs a fraction of reading the object (npm run bench:kpis). The first element is the layout.
 */
export type PackedFacts = [
  layout: 1,
  communityId: string,
  gridId: string,
  buildingId: string,
  category: string,
  kind: Kind,
  source: Source,
  status: Status,
  day: string,
  flags: number,
  response: number | null,
  respondBy: number,
  toFinish: number | null,
  stars: number | null,
  releases: number,
  accepts: number,
  check: CheckAnswer | null,
]

const FLAGS = ['withdrawn', 'inTime', 'finished', 'solved', 'solvedByTimer', 'confirmed', 'everOverdue', 'reopened', 'everDone'] as const

export function packFacts(f: StoredFacts): PackedFacts {
  const flags = FLAGS.reduce((bits, k, i) => (f[k] ? bits | (1 << i) : bits), 0)
  return [1, f.communityId, f.gridId, f.buildingId, f.category, f.kind, f.source, f.status, f.day, flags, f.response, f.respondBy, f.toFinish, f.stars, f.releases, f.accepts, f.check]
}

export function unpackFacts(p: PackedFacts): StoredFacts {
  const [, communityId, gridId, buildingId, category, kind, source, status, day, flags, response, respondBy, toFinish, stars, releases, accepts, check] = p
  const bit = (k: (typeof FLAGS)[number]) => (flags & (1 << FLAGS.indexOf(k))) !== 0
  return {
    communityId, gridId, buildingId, category, kind, source, status, day, response, respondBy, toFinish, stars, releases, accepts, check,
    withdrawn: bit('withdrawn'), inTime: bit('inTime'), finished: bit('finished'), solved: bit('solved'), solvedByTimer: bit('solvedByTimer'),
    confirmed: bit('confirmed'), everOverdue: bit('everOverdue'), reopened: bit('reopened'), everDone: bit('everDone'),
  }
}

const kindOf = (o: Pick<Order, 'triage'>): Kind => o.triage?.kind ?? 'none'

export function sourceOf(o: Pick<FactsInput, 'proxy' | 'timeline' | 'source'>): Source {
  if (o.source) return o.source
  if (!o.proxy) return 'self'
  // orders placed before the source was stored: the timeline names the proxy's role
  return o.timeline[0]?.note?.startsWith('楼栋长') ? 'lead' : 'staff'
}

/** Orders stored before `source`, `respondBy` and `check` existed lack them. */
export type FactsInput = Omit<Order, 'source' | 'respondBy' | 'check'> & { source?: Source | null; respondBy?: number | null; check?: { answer: CheckAnswer | null } | null }

/** `respondBy` for orders that came in before it was stored: their creation plus the triage hours. */
export function factsOf(o: FactsInput, triageHours: number): OrderFacts {
  const t = o.timeline
  const firstStaff = t.find((e) => STAFF_ACTIONS.has(e.event))
  const finished = (FINISHED as readonly string[]).includes(o.status)
  const lastFinish = [...t].reverse().find((e) => FINISHING.has(e.event))
  const lastConfirm = [...t].reverse().find((e) => e.event === 'CONFIRM' || e.event === 'AUTO_CONFIRM')
  const check = o.check?.answer ?? null
  const confirmed = o.status === 'confirmed'
  const solvedClosed = o.status === 'closed' && o.triage?.kind === 'big' && check === 'solved'
  const count = (event: string) => t.filter((e) => e.event === event).length
  const respondBy = o.respondBy ?? o.createdAt + triageHours * 3_600_000
  return {
    communityId: o.communityId,
    gridId: o.gridId,
    category: o.category,
    kind: kindOf(o),
    source: sourceOf(o),
    day: chinaDay(o.createdAt),
    withdrawn: o.status === 'cancelled' && !firstStaff,
    response: firstStaff ? firstStaff.at - o.createdAt : null,
    respondBy,
    inTime: !!firstStaff && firstStaff.at <= respondBy,
    finished,
    toFinish: finished && lastFinish ? lastFinish.at - o.createdAt : null,
    solved: confirmed || solvedClosed,
    solvedByTimer: confirmed && lastConfirm?.event === 'AUTO_CONFIRM',
    confirmed,
    stars: o.rating?.stars ?? null,
    everOverdue: count('MARK_OVERDUE') > 0,
    reopened: o.reopenCount > 0,
    everDone: count('REPORT_DONE') > 0,
    releases: count('RELEASE'),
    accepts: count('ACCEPT'),
    check,
  }
}

import { anOrder } from '../orders/fixtures'
import type { Status, TimelineEntry } from '../orders/model'
import { addFacts, bucketOf, emptyCounters, mergeCounters, type Counters } from './counters'
import { aggregateOf, foldKinds, storedFactsOf, sumCells } from './cells'
import { factsOf, packFacts, unpackFacts, type FactsInput, type StoredFacts } from './facts'
import { figuresOf, quantile } from './rates'

const H = 3_600_000
const T0 = Date.UTC(2026, 10, 2, 1, 0) // 2 Nov 2026 09:00 China time
let seq = 0
const step = (event: string, hours: number, to: Status, note: string | null = null): TimelineEntry => ({ seq: ++seq, at: T0 + hours * H, by: 'x', actor: 'staff', event, from: null, to, note })

/** An order created at T0 with these steps; its status is the last step's. */
function history(steps: TimelineEntry[], over: Partial<FactsInput> = {}): FactsInput {
  const timeline = [step('CREATE', 0, 'submitted'), ...steps]
  return { ...anOrder({ createdAt: T0, timeline, status: timeline[timeline.length - 1].to }), ...over } as FactsInput
}
const facts = (o: FactsInput) => factsOf(o, 24)
const sum = (orders: FactsInput[]): Counters => orders.reduce((c, o) => addFacts(c, facts(o), o.status as Status), emptyCounters())

const served = (stars?: number, confirmBy: 'CONFIRM' | 'AUTO_CONFIRM' = 'CONFIRM') =>
  history([step('PUBLISH', 2, 'open'), step('ACCEPT', 3, 'accepted'), step('REPORT_DONE', 10, 'done'), step(confirmBy, 20, 'confirmed')], stars ? { rating: { stars, comment: '', at: 0, by: 'r' } } : {})

describe('one order\'s facts', () => {
  it('kept on the order packed: they read back the same, every flag on its own and all at once', () => {
    const base = storedFactsOf(served(5))
    const flags = ['withdrawn', 'inTime', 'finished', 'solved', 'solvedByTimer', 'confirmed', 'everOverdue', 'reopened', 'everDone'] as const
    const variants: StoredFacts[] = [
      base,
      storedFactsOf(history([step('CANCEL', 1, 'cancelled')])),
      { ...base, response: null, toFinish: null, stars: null, check: 'not', releases: 2, accepts: 3 },
      ...flags.map((k) => ({ ...base, ...Object.fromEntries(flags.map((f) => [f, f === k])) })),
      { ...base, ...Object.fromEntries(flags.map((f) => [f, true])) },
    ]
    for (const f of variants) expect(unpackFacts(packFacts(f))).toEqual(f)
    expect(JSON.stringify(packFacts(base)).length).toBeLessThan(JSON.stringify(base).length / 2)
  })
  it('a served and confirmed order: answered in 2 h (in time), finished in 10 h, solved, rated', () => {
    const f = facts(served(5))
    expect(f).toMatchObject({ day: '2026-11-02', withdrawn: false, response: 2 * H, inTime: true, finished: true, toFinish: 10 * H, solved: true, solvedByTimer: false, confirmed: true, stars: 5, accepts: 1, releases: 0 })
  })
  it('withdrawn before any staff action is 撤回, not 收集; cancelled after it is collected', () => {
    expect(facts(history([step('CANCEL', 1, 'cancelled')])).withdrawn).toBe(true)
    expect(facts(history([step('PUBLISH', 1, 'open'), step('CANCEL', 2, 'cancelled')])).withdrawn).toBe(false)
  })
  it('reopened after confirmation: ever done, reopened, not solved until confirmed again', () => {
    const reopened = history([step('PUBLISH', 1, 'open'), step('ACCEPT', 2, 'accepted'), step('REPORT_DONE', 5, 'done'), step('CONFIRM', 6, 'confirmed'), step('REOPEN', 30, 'submitted')], { reopenCount: 1 })
    expect(facts(reopened)).toMatchObject({ reopened: true, everDone: true, solved: false, finished: false, toFinish: null })
    const again = history([...reopened.timeline.slice(1), step('PUBLISH', 31, 'open'), step('ACCEPT', 32, 'accepted'), step('REPORT_DONE', 40, 'done'), step('CONFIRM', 41, 'confirmed')], { reopenCount: 1 })
    expect(facts(again)).toMatchObject({ reopened: true, solved: true, toFinish: 40 * H, accepts: 2 })
  })
  it('escalated then closed is solved only when the resident answered 已解决', () => {
    const closed = (answer: 'solved' | 'partly' | null) =>
      history([step('ESCALATE', 3, 'escalated'), step('CLOSE', 100, 'closed')], { triage: { kind: 'big', department: '城管', note: null }, check: answer ? { answer } : null })
    expect(facts(closed('solved'))).toMatchObject({ kind: 'big', solved: true, finished: true, toFinish: 100 * H, response: 3 * H })
    expect(facts(closed('partly')).solved).toBe(false)
    expect(facts(closed(null)).solved).toBe(false)
  })
  it('confirmed by the 72-hour timer counts as solved, and apart', () => {
    expect(facts(served(undefined, 'AUTO_CONFIRM'))).toMatchObject({ solved: true, solvedByTimer: true, stars: null })
  })
  it('the source: stored, or read from the proxy\'s timeline line for older orders', () => {
    expect(facts(history([], { proxy: true, source: 'visit_day' })).source).toBe('visit_day')
    const byLead = { ...history([], { source: null }), proxy: true, timeline: [{ ...step('CREATE', 0, 'submitted'), note: '楼栋长 赵德福 代 李奶奶 提交了需求' }] }
    expect(facts(byLead).source).toBe('lead')
    const byStaff = { ...history([], { source: null }), proxy: true, timeline: [{ ...step('CREATE', 0, 'submitted'), note: '网格员 张 代 李奶奶 提交了需求' }] }
    expect(facts(byStaff).source).toBe('staff')
    expect(facts(history([])).source).toBe('self')
  })
  it('SLA edge: answered exactly at the triage deadline is in time, a millisecond later is not', () => {
    const at = (ms: number) => facts(history([{ ...step('PUBLISH', 0, 'open'), at: T0 + ms }])).inTime
    expect(at(24 * H)).toBe(true)
    expect(at(24 * H + 1)).toBe(false)
    expect(facts(history([step('PUBLISH', 5, 'open')], { respondBy: T0 + 4 * H })).inTime).toBe(false)
  })
  it('the cohort day is the China day: 23:59 and 00:00 Beijing fall on two days', () => {
    const at = (utcH: number, min: number) => facts({ ...history([]), createdAt: Date.UTC(2026, 10, 2, utcH, min) }).day
    expect([at(15, 59), at(16, 0)]).toEqual(['2026-11-02', '2026-11-03'])
  })
})

describe('figures from counters', () => {
  it('收集39件，解决37件: 解决率 37/39', () => {
    const orders = [...Array.from({ length: 37 }, () => served(5)), history([step('PUBLISH', 1, 'open')]), history([step('ESCALATE', 1, 'escalated')], { triage: { kind: 'big', department: 'x', note: null } })]
    const f = figuresOf(sum(orders), T0 + 100 * H)
    expect(f.collected).toBe(39)
    expect(f.solveRate).toEqual({ value: 37 / 39, num: 37, den: 39 })
  })
  it('响应率 leaves out unanswered orders whose deadline is still ahead, keeps those past it', () => {
    const c = sum([served(), history([]), history([{ ...step('PUBLISH', 30, 'open') }])])
    // at T0 + 1 h: the unanswered one is not due yet → 2 in the denominator (one in time, one late)
    expect(figuresOf(c, T0 + H).responseRate).toEqual({ value: 0.5, num: 1, den: 2 })
    // a day later it is past due → counted, unanswered
    expect(figuresOf(c, T0 + 25 * H).responseRate).toEqual({ value: 1 / 3, num: 1, den: 3 })
  })
  it('满意率 with n and 参评率; the timer\'s share of solved', () => {
    const c = sum([served(5), served(4), served(3), served(undefined, 'AUTO_CONFIRM')])
    const f = figuresOf(c, T0)
    expect(f.satisfaction).toEqual({ value: 2 / 3, num: 2, den: 3 })
    expect(f.participation).toEqual({ value: 3 / 4, num: 3, den: 4 })
    expect(f.solvedByTimer).toEqual({ value: 1 / 4, num: 1, den: 4 })
  })
  it('超时率, 重办率, 回退率 and 回访', () => {
    const late = history([step('MARK_OVERDUE', 25, 'submitted'), step('PUBLISH', 26, 'open'), step('ACCEPT', 27, 'accepted'), step('RELEASE', 28, 'open'), step('ACCEPT', 29, 'accepted')])
    const redo = history([step('PUBLISH', 1, 'open'), step('ACCEPT', 2, 'accepted'), step('REPORT_DONE', 3, 'done'), step('REOPEN', 4, 'submitted')], { reopenCount: 1, check: { answer: 'not' } })
    const f = figuresOf(sum([late, redo, served(5), { ...served(5), check: { answer: 'solved' } }]), T0)
    expect(f.overdueRate).toEqual({ value: 1 / 4, num: 1, den: 4 })
    expect(f.redoRate).toEqual({ value: 1 / 3, num: 1, den: 3 })
    expect(f.releaseRate).toEqual({ value: 1 / 5, num: 1, den: 5 })
    expect(f.residentSolved).toEqual({ value: 1 / 2, num: 1, den: 2 })
  })
  it('a denominator of 0 gives no rate (null), not 0 % or 100 %', () => {
    const f = figuresOf(emptyCounters(), T0)
    expect([f.solveRate.value, f.satisfaction.value, f.responseRate.value, f.redoRate.value]).toEqual([null, null, null, null])
  })
  it('ranked only with 5 collected and 5 ratings', () => {
    expect(figuresOf(sum(Array.from({ length: 5 }, () => served(5))), T0).rankable).toBe(true)
    expect(figuresOf(sum(Array.from({ length: 4 }, () => served(5))), T0).rankable).toBe(false)
    expect(figuresOf(sum([...Array.from({ length: 4 }, () => served(5)), served()]), T0).rankable).toBe(false)
  })
  it('proxy sources are counted apart; withdrawn ones only as 撤回', () => {
    const f = figuresOf(sum([history([], { proxy: true, source: 'lead' }), history([]), history([step('CANCEL', 1, 'cancelled')], { proxy: true, source: 'lead' })]), T0)
    expect([f.collected, f.withdrawn, f.bySource.lead, f.bySource.self]).toEqual([2, 1, 1, 1])
  })
})

describe('histograms and merging', () => {
  it('a duration falls in the first bucket whose edge it does not exceed', () => {
    expect([bucketOf(0), bucketOf(H), bucketOf(H + 1), bucketOf(24 * H), bucketOf(169 * H)]).toEqual([0, 0, 1, 4, 8])
  })
  it('median and P90 are the edges of the buckets holding them', () => {
    // 10 answers: 6 within 1 h, 3 within 8 h, 1 over a week
    const hist = [6, 0, 0, 3, 0, 0, 0, 0, 1]
    expect(quantile(hist, 0.5)).toEqual({ hours: 1, n: 10 })
    expect(quantile(hist, 0.9)).toEqual({ hours: 8, n: 10 })
    expect(quantile(hist, 0.95)).toEqual({ hours: null, n: 10 })
    expect(quantile([0, 0, 0], 0.5)).toEqual({ hours: null, n: 0 })
  })
  it('summing two halves equals summing all: counters add up', () => {
    const orders: FactsInput[] = [served(5), served(3), history([]), history([step('CANCEL', 1, 'cancelled')]), served(undefined, 'AUTO_CONFIRM')]
    expect(mergeCounters(sum(orders.slice(0, 2)), sum(orders.slice(2)))).toEqual(sum(orders))
  })
  it('the kinds folded together: one cell per grid × category, the same totals', () => {
    const small = { triage: { kind: 'small' as const, department: null, note: null } }
    const big = { triage: { kind: 'big' as const, department: '街道', note: null } }
    const orders = [history([step('PUBLISH', 2, 'open')], small), history([step('ESCALATE', 1, 'escalated')], big), history([]), history([step('PUBLISH', 2, 'open')], { ...small, category: 'repair_water_electric' })]
    const a = aggregateOf(orders.map(storedFactsOf))
    expect(Object.keys(a.cells)).toHaveLength(4)
    const folded = foldKinds(a)
    expect(Object.keys(folded.cells).sort()).toEqual([`${orders[0].gridId}|${orders[0].category}|all`, `${orders[0].gridId}|repair_water_electric|all`].sort())
    expect(sumCells(folded.cells)).toEqual(sumCells(a.cells))
    expect([folded.byBuilding, folded.orders]).toEqual([a.byBuilding, a.orders])
  })
})

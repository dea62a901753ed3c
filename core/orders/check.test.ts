import { answerCheck, UNSOLVED_REASON } from './check'
import { aCaller, anOrder, T0 } from './fixtures'
import { transition, type OrderEvent, type StepContext } from './machine'
import type { Actor, Order } from './model'
import { canSend } from './permissions'
import { CHECK_DAYS, REOPEN_DAYS } from './sla'

const H = 3_600_000
const DAY = 24 * H
const NOW = T0 + 10 * H
const at = (by: string, actor: Actor, now = NOW): StepContext => ({ by, actor, now })
const sys = (now: number) => at('system', 'system', now)

function run(o: Order, e: OrderEvent, ctx: StepContext): Order {
  const step = transition(o, e, ctx)
  if (!step.ok) throw new Error(step.code)
  return step.next
}
const fresh = { askedAt: null, answer: null, answeredAt: null, by: null }
/** Done by the volunteer at NOW (a proxy order: the resident and the 楼栋长 who ordered both answer). */
const done = (over: Partial<Order> = {}) => run(anOrder({ status: 'in_service', volunteerId: 'vol', orderedBy: 'lead', proxy: true, ...over }), { type: 'REPORT_DONE', note: '修好了' }, at('vol', 'volunteer'))
const closed = () => run(anOrder({ status: 'escalated', triage: { kind: 'big', department: '街道城管科', note: '路灯' } }), { type: 'CLOSE', note: '已修好' }, at('staff1', 'staff'))

describe('回访: set when an order enters 办结', () => {
  it('done, closed (an escalated 大事) and referred get one, due three days later and keyed for the timer', () => {
    const referred = run(anOrder(), { type: 'REFER', guidance: '请找法律援助中心' }, at('staff1', 'staff'))
    for (const o of [done(), closed(), referred]) {
      expect(o.check).toEqual({ dueAt: NOW + CHECK_DAYS * DAY, ...fresh })
      expect(o.checkDue).toBe(NOW + 3 * DAY)
    }
  })
  it('rejected and cancelled orders get none; nor do steps that stay short of 办结', () => {
    const rejected = run(anOrder(), { type: 'REJECT', reason: '不在服务范围' }, at('staff1', 'staff'))
    const cancelled = run(anOrder(), { type: 'CANCEL' }, at('res', 'owner'))
    const published = run(anOrder(), { type: 'PUBLISH' }, at('staff1', 'staff'))
    const escalated = run(anOrder(), { type: 'ESCALATE', department: '街道', note: '路灯' }, at('staff1', 'staff'))
    for (const o of [rejected, cancelled, published, escalated]) expect([o.check, o.checkDue]).toEqual([null, null])
  })
  it('confirmation keeps it; a reopen drops it while unanswered, keeps an answer, and the next done sets a new one', () => {
    const confirmed = run(done(), { type: 'CONFIRM', stars: 5 }, at('res', 'owner', NOW + H))
    expect(confirmed.check).toEqual(done().check)
    const reopened = run(confirmed, { type: 'REOPEN', reason: '又漏了' }, at('res', 'owner', NOW + 2 * H))
    expect([reopened.check, reopened.checkDue]).toEqual([null, null])

    const answered = run(done(), { type: 'ANSWER_CHECK', answer: 'partly' }, at('res', 'owner', NOW + H))
    const kept = run(answered, { type: 'REOPEN', reason: '又漏了' }, at('res', 'owner', NOW + 2 * H))
    expect(kept.check).toMatchObject({ answer: 'partly', by: 'res' })
    let again = run(kept, { type: 'ASSIGN', volunteerId: 'vol2' }, at('staff1', 'staff', NOW + 3 * H))
    again = run(again, { type: 'ACCEPT', volunteerName: '王阿姨' }, at('vol2', 'candidate', NOW + 4 * H))
    again = run(again, { type: 'REPORT_DONE', note: '换了新管子' }, at('vol2', 'volunteer', NOW + 5 * H))
    expect(again.check).toEqual({ dueAt: NOW + 5 * H + 3 * DAY, ...fresh })
  })
})

describe('回访: the timer asks it once, when due', () => {
  it('not before three days; then the resident and the 楼栋长 who ordered are asked, and the key is cleared', () => {
    const o = done()
    expect(transition(o, { type: 'ASK_CHECK' }, sys(NOW + 3 * DAY - 1))).toEqual({ ok: false, code: 'NOT_DUE' })
    const step = transition(o, { type: 'ASK_CHECK' }, sys(NOW + 3 * DAY))
    if (!step.ok) throw new Error(step.code)
    expect(step.next).toMatchObject({ status: 'done', check: { askedAt: NOW + 3 * DAY, answer: null }, checkDue: null })
    expect(step.entry).toMatchObject({ event: 'ASK_CHECK', actor: 'system', from: 'done', to: 'done' })
    expect(step.effects).toEqual([{ kind: 'notice', notice: 'check', to: ['res', 'lead'] }])
    expect(transition(step.next, { type: 'ASK_CHECK' }, sys(NOW + 4 * DAY))).toEqual({ ok: false, code: 'NOT_DUE' })
  })
  it('asks nothing of an order without one, or one already answered', () => {
    expect(transition(anOrder({ status: 'confirmed' }), { type: 'ASK_CHECK' }, sys(NOW))).toEqual({ ok: false, code: 'NOT_DUE' })
    const answered = run(done(), { type: 'ANSWER_CHECK', answer: 'solved' }, at('res', 'owner'))
    expect(answered.checkDue).toBeNull()
    expect(transition(answered, { type: 'ASK_CHECK' }, sys(NOW + 5 * DAY))).toEqual({ ok: false, code: 'NOT_DUE' })
  })
  it('is the system\'s alone', () => {
    expect(transition(done(), { type: 'ASK_CHECK' }, at('res', 'owner', NOW + 5 * DAY))).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('回访: answered once', () => {
  it('stores the answer, who gave it and when, with a timeline line; before it was asked too', () => {
    const step = answerCheck(done(), 'solved', at('lead', 'owner', NOW + H), [])
    if (!step.ok) throw new Error(step.code)
    expect(step.next.check).toEqual({ dueAt: NOW + 3 * DAY, askedAt: null, answer: 'solved', answeredAt: NOW + H, by: 'lead' })
    expect(step.next.timeline.at(-1)).toMatchObject({ event: 'ANSWER_CHECK', actor: 'owner', by: 'lead', note: '回访：已解决', from: 'done', to: 'done' })
    expect(step.effects).toEqual([])
  })
  it('a second answer is CHECK_ANSWERED; an order with no 回访 (never in 办结, or before it existed) is BAD_STATE', () => {
    const answered = run(done(), { type: 'ANSWER_CHECK', answer: 'partly' }, at('res', 'owner'))
    expect(answerCheck(answered, 'solved', at('lead', 'owner'), [])).toEqual({ ok: false, code: 'CHECK_ANSWERED' })
    expect(answerCheck(anOrder({ status: 'confirmed' }), 'solved', at('res', 'owner'), [])).toEqual({ ok: false, code: 'BAD_STATE' })
    expect(answerCheck(anOrder({ status: 'open' }), 'not', at('res', 'owner'), [])).toEqual({ ok: false, code: 'BAD_STATE' })
  })
  it('only in the capacity of the order\'s people: the resident and the proxy, not its staff, volunteer or a stranger', () => {
    const o = done()
    expect(canSend(aCaller({ openid: 'res' }), o, 'ANSWER_CHECK')).toEqual({ ok: true, actor: 'owner' })
    expect(canSend(aCaller({ openid: 'lead', roles: ['resident', 'building_lead'] }), o, 'ANSWER_CHECK')).toEqual({ ok: true, actor: 'owner' })
    expect(canSend(aCaller({ openid: 'staff1', roles: ['resident', 'staff'], scopes: { grids: ['g1'], staffOf: ['c1'] } }), o, 'ANSWER_CHECK')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(canSend(aCaller({ openid: 'vol', roles: ['resident', 'volunteer'] }), o, 'ANSWER_CHECK')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(canSend(aCaller({ openid: 'other' }), o, 'ANSWER_CHECK')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    for (const actor of ['staff', 'volunteer', 'street', 'system'] as const) {
      expect(transition(o, { type: 'ANSWER_CHECK', answer: 'solved' }, at('x', actor))).toEqual({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

describe('回访: 没解决', () => {
  it('reopens a done or confirmed order within the reopen window: back to the 网格员, history kept, the answer stays', () => {
    const confirmed = run(done(), { type: 'CONFIRM', stars: 4 }, at('res', 'owner', NOW + H))
    const step = answerCheck(confirmed, 'not', at('res', 'owner', NOW + 3 * DAY), ['staff1'])
    if (!step.ok) throw new Error(step.code)
    expect(step.next).toMatchObject({ status: 'submitted', reopenCount: 1, volunteerId: null, reason: UNSOLVED_REASON, queueKey: `1${confirmed._id}`, check: { answer: 'not', by: 'res' }, checkDue: null })
    expect(step.next.timeline.map((t) => t.event)).toEqual(['REPORT_DONE', 'CONFIRM', 'ANSWER_CHECK', 'REOPEN'])
    expect(step.next.timeline.at(-2)?.note).toBe('回访：没解决')
    // the volunteer who did it hears, as with the resident's own reopen; staff see it first in their queue
    expect(step.effects).toEqual([{ kind: 'notice', notice: 'reopened', to: ['vol'] }])
  })
  it('past the window, or on a closed 大事 or a referral: the grid\'s 网格员 are told to follow up (not the one answering)', () => {
    const late = run(done(), { type: 'CONFIRM' }, at('res', 'owner', NOW + H))
    const ctx = at('res', 'owner', NOW + H + REOPEN_DAYS * DAY + 1)
    const referred = run(anOrder(), { type: 'REFER', guidance: '请找法律援助中心' }, at('staff1', 'staff'))
    for (const o of [late, closed(), referred]) {
      const step = answerCheck(o, 'not', ctx, ['staff1', 'staff2', 'staff1'])
      if (!step.ok) throw new Error(step.code)
      expect(step.next).toMatchObject({ status: o.status, reopenCount: 0, check: { answer: 'not' } })
      expect(step.next.timeline.at(-1)?.event).toBe('ANSWER_CHECK')
      expect(step.effects).toEqual([{ kind: 'notice', notice: 'check_unsolved', to: ['staff1', 'staff2'] }])
    }
    // a 网格员 who ordered for a neighbour and answers is not told of their own answer
    const proxied = run(anOrder({ status: 'escalated', residentId: null, orderedBy: 'staff1', proxy: true }), { type: 'CLOSE', note: '已修好' }, at('staff2', 'staff'))
    const own = answerCheck(proxied, 'not', at('staff1', 'owner'), ['staff1', 'staff2'])
    expect(own.ok && own.effects).toEqual([{ kind: 'notice', notice: 'check_unsolved', to: ['staff2'] }])
  })
  it('部分解决 and 已解决 reopen nothing and tell nobody', () => {
    for (const answer of ['partly', 'solved'] as const) {
      const step = answerCheck(done(), answer, at('res', 'owner', NOW + H), ['staff1'])
      expect(step.ok && [step.next.status, step.effects]).toEqual(['done', []])
    }
  })
})

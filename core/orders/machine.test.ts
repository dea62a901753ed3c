import { aCaller, anOrder, T0 } from './fixtures'
import { EVENT_ACTORS, EVENT_TYPES, TABLE, targetsOf, transition, type EventType, type OrderEvent } from './machine'
import { ACTORS, FINAL_STATUSES, STATUSES, type Actor, type Order, type Status } from './model'
import { canSend } from './permissions'

const H = 3_600_000
const NOW = T0 + 10 * H

/** A sample event of each type with valid payload. */
const SAMPLE: Record<EventType, OrderEvent> = {
  PUBLISH: { type: 'PUBLISH', team: 'red_steward', points: 12 },
  ASSIGN: { type: 'ASSIGN', volunteerId: 'vol' },
  ESCALATE: { type: 'ESCALATE', department: '街道城管科', note: '路灯坏了' },
  FOLLOW_UP: { type: 'FOLLOW_UP', note: '已派人查看' },
  STREET_REPLY: { type: 'STREET_REPLY', note: '街道已协调城管科' },
  CLOSE: { type: 'CLOSE', note: '已修好' },
  REFER: { type: 'REFER', guidance: '请联系法律援助中心' },
  REJECT: { type: 'REJECT', reason: '不在服务范围' },
  REASSIGN: { type: 'REASSIGN', volunteerId: 'vol2', reason: '原志愿者生病' },
  CANCEL: { type: 'CANCEL', reason: '自己修好了' },
  ACCEPT: { type: 'ACCEPT', volunteerName: '李建国' },
  START: { type: 'START' },
  REPORT_DONE: { type: 'REPORT_DONE', note: '已疏通', photos: ['cloud://env.bucket/orders/1.jpg'] },
  RELEASE: { type: 'RELEASE', reason: '临时有事' },
  CONFIRM: { type: 'CONFIRM', stars: 5, comment: '很好' },
  AUTO_CONFIRM: { type: 'AUTO_CONFIRM' },
  RATE: { type: 'RATE', stars: 4 },
  REOPEN: { type: 'REOPEN', reason: '又堵了' },
  MARK_OVERDUE: { type: 'MARK_OVERDUE' },
  ASK_CHECK: { type: 'ASK_CHECK' },
  ANSWER_CHECK: { type: 'ANSWER_CHECK', answer: 'solved' },
}

const HELD: Status[] = ['accepted', 'in_service', 'done', 'confirmed']

/** An order in `status` whose guards pass for any event at NOW. */
function ready(status: Status): Order {
  return anOrder({
    status,
    volunteerId: HELD.includes(status) ? 'vol' : null,
    doneAt: status === 'done' ? NOW - 73 * H : status === 'confirmed' ? NOW - 80 * H : null,
    confirmedAt: status === 'confirmed' ? NOW - 2 * H : null,
    dueAt: NOW - 1,
    // an escalated order here was sent up to the street office, so the street may answer it
    street: status === 'escalated' ? { since: NOW - H, answeredAt: null, answer: null, by: null } : null,
    // in 办结 three days: its 回访 is due and unanswered
    check: ['done', 'confirmed', 'closed', 'referred'].includes(status) ? { dueAt: NOW - 1, askedAt: null, answer: null, answeredAt: null, by: null } : null,
  })
}
const by: Record<Actor, string> = { owner: 'res', staff: 'staff1', candidate: 'vol', volunteer: 'vol', street: 'street1', system: 'system' }

const pairs = STATUSES.flatMap((s) => EVENT_TYPES.map((e) => [s, e] as const))
const allowed = pairs.filter(([s, e]) => targetsOf(s, e).length > 0)
const forbidden = pairs.filter(([s, e]) => targetsOf(s, e).length === 0)

describe('every allowed transition, by the actor the table names', () => {
  it.each(allowed)('%s --%s--> succeeds', (status, type) => {
    const actor = EVENT_ACTORS[type][0]
    const o = ready(status)
    const step = transition(o, SAMPLE[type], { by: by[actor], actor, now: NOW })
    if (!step.ok) throw new Error(`refused: ${step.code}`)
    expect(targetsOf(status, type)).toContain(step.next.status)
    expect(step.entry).toMatchObject({ seq: 1, at: NOW, by: by[actor], actor, event: type, from: status, to: step.next.status })
    expect(step.next.timeline).toEqual([step.entry])
    expect(step.next.updatedAt).toBe(NOW)
    expect(o.timeline).toEqual([]) // input untouched
  })
})

describe('every allowed transition refuses every other actor', () => {
  const cases = allowed.flatMap(([s, e]) => ACTORS.filter((a) => !(EVENT_ACTORS[e] as readonly Actor[]).includes(a)).map((a) => [s, e, a] as const))
  it.each(cases)('%s --%s--> by %s is FORBIDDEN', (status, type, actor) => {
    expect(transition(ready(status), SAMPLE[type], { by: by[actor], actor, now: NOW })).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('every transition missing from the table is refused', () => {
  it.each(forbidden)('%s --%s--> refused', (status, type) => {
    const actor = EVENT_ACTORS[type][0]
    const step = transition(ready(status), SAMPLE[type], { by: by[actor], actor, now: NOW })
    const code = type === 'ACCEPT' && HELD.includes(status) ? 'ORDER_TAKEN' : 'BAD_STATE'
    expect(step).toEqual({ ok: false, code })
  })
})

describe('shape of the machine', () => {
  it('every status is reachable from submitted', () => {
    const seen = new Set<Status>(['submitted'])
    const todo: Status[] = ['submitted']
    while (todo.length) {
      const s = todo.pop()!
      for (const e of EVENT_TYPES) for (const t of targetsOf(s, e)) {
          if (!seen.has(t)) {
            seen.add(t)
            todo.push(t)
          }
        }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort())
  })
  it('final statuses have no way out except reopening a confirmed order; they stay put to be rated and for the 回访', () => {
    for (const s of FINAL_STATUSES) {
      const exits = EVENT_TYPES.filter((e) => targetsOf(s, e).some((t) => t !== s))
      const stays = EVENT_TYPES.filter((e) => targetsOf(s, e).includes(s))
      expect(exits).toEqual(s === 'confirmed' ? ['REOPEN'] : [])
      const check = s === 'rejected' || s === 'cancelled' ? [] : ['ASK_CHECK', 'ANSWER_CHECK']
      expect(stays).toEqual(s === 'confirmed' ? ['RATE', ...check] : check)
      expect(Object.keys(TABLE[s]).sort()).toEqual([...exits, ...stays].sort())
    }
  })
  it('every event is used somewhere and has at least one actor', () => {
    for (const e of EVENT_TYPES) {
      expect(STATUSES.some((s) => targetsOf(s, e).length > 0)).toBe(true)
      expect(EVENT_ACTORS[e].length).toBeGreaterThan(0)
    }
  })
})

describe('nobody serves their own case', () => {
  const staff = { by: 'staff1', actor: 'staff' as const, now: NOW }
  const published = (over: Partial<Order> = {}) => {
    const step = transition(anOrder(over), SAMPLE.PUBLISH, staff)
    if (!step.ok) throw new Error(step.code)
    return step.next
  }
  it('the resident it serves and the one who ordered it for them cannot accept it', () => {
    expect(transition(published(), SAMPLE.ACCEPT, { by: 'res', actor: 'candidate', now: NOW })).toEqual({ ok: false, code: 'SELF_DEALING' })
    const proxy = published({ residentId: null, orderedBy: 'lead', proxy: true })
    expect(transition(proxy, SAMPLE.ACCEPT, { by: 'lead', actor: 'candidate', now: NOW })).toEqual({ ok: false, code: 'SELF_DEALING' })
    expect(transition(proxy, SAMPLE.ACCEPT, { by: 'vol', actor: 'candidate', now: NOW }).ok).toBe(true)
  })
  it('an order reserved for a volunteer (the donor of a wish) goes to them only: not to the pool, not to anyone else', () => {
    const reserved = anOrder({ reservedFor: 'donor' })
    expect(transition(reserved, SAMPLE.PUBLISH, staff)).toEqual({ ok: false, code: 'RESERVED' })
    expect(transition(reserved, { type: 'ASSIGN', volunteerId: 'friend' }, staff)).toEqual({ ok: false, code: 'RESERVED' })
    const assigned = transition(reserved, { type: 'ASSIGN', volunteerId: 'donor' }, staff)
    expect(assigned.ok).toBe(true)
    if (!assigned.ok) return
    expect(transition(assigned.next, { type: 'REASSIGN', volunteerId: 'friend', reason: '换人' }, staff)).toEqual({ ok: false, code: 'RESERVED' })
    expect(transition(assigned.next, SAMPLE.ACCEPT, { by: 'friend', actor: 'candidate', now: NOW })).toEqual({ ok: false, code: 'RESERVED' })
    expect(transition(assigned.next, SAMPLE.ACCEPT, { by: 'donor', actor: 'candidate', now: NOW }).ok).toBe(true)
  })
  it('the staff member who set the points cannot accept it', () => {
    expect(transition(published(), SAMPLE.ACCEPT, { by: 'staff1', actor: 'candidate', now: NOW })).toEqual({ ok: false, code: 'OWN_DISPATCH' })
  })
  it('staff cannot assign it to the resident, the proxy or themselves', () => {
    const o = anOrder({ orderedBy: 'lead' })
    expect(transition(o, { type: 'ASSIGN', volunteerId: 'res' }, staff)).toEqual({ ok: false, code: 'SELF_DEALING' })
    expect(transition(o, { type: 'ASSIGN', volunteerId: 'lead' }, staff)).toEqual({ ok: false, code: 'SELF_DEALING' })
    expect(transition(o, { type: 'ASSIGN', volunteerId: 'staff1' }, staff)).toEqual({ ok: false, code: 'OWN_DISPATCH' })
    const held = anOrder({ status: 'accepted', volunteerId: 'vol' })
    expect(transition(held, { type: 'REASSIGN', volunteerId: 'res', reason: '换人' }, staff)).toEqual({ ok: false, code: 'SELF_DEALING' })
    expect(transition(held, { type: 'REASSIGN', volunteerId: null, reason: '放回池子' }, staff).ok).toBe(true)
  })
  it('a 网格员 who placed the order, for themselves or by proxy, does not dispatch it', () => {
    const own = anOrder({ residentId: 'staff1', orderedBy: 'staff1' })
    const proxy = anOrder({ residentId: null, orderedBy: 'staff1', proxy: true })
    for (const o of [own, proxy]) {
      expect(transition(o, SAMPLE.PUBLISH, staff)).toEqual({ ok: false, code: 'OWN_REQUEST' })
      expect(transition(o, SAMPLE.ASSIGN, staff)).toEqual({ ok: false, code: 'OWN_REQUEST' })
    }
    expect(transition(proxy, SAMPLE.PUBLISH, { ...staff, by: 'staff2' }).ok).toBe(true)
  })
  it('staff may allow one more award after a reopen, not two', () => {
    const reopened = (awardsGiven: number) => anOrder({ status: 'submitted', reopenCount: awardsGiven, awardsGiven, awardsAllowed: awardsGiven })
    const again = { type: 'PUBLISH' as const, awardAgain: true }
    const step = transition(reopened(1), again, staff)
    expect(step.ok && step.next.awardsAllowed).toBe(2)
    expect(transition(reopened(2), again, staff)).toEqual({ ok: false, code: 'AWARD_LIMIT' })
    expect(transition(reopened(2), SAMPLE.PUBLISH, staff).ok).toBe(true)
  })
})

describe('guards', () => {
  const sys = { by: 'system', actor: 'system' as const }
  it('auto-confirm only 72 h after done', () => {
    const o = anOrder({ status: 'done', volunteerId: 'vol', doneAt: NOW - 71 * H })
    expect(transition(o, SAMPLE.AUTO_CONFIRM, { ...sys, now: NOW })).toEqual({ ok: false, code: 'NOT_DUE' })
    expect(transition(o, SAMPLE.AUTO_CONFIRM, { ...sys, now: NOW + H }).ok).toBe(true)
  })
  it('reopen within 7 days of confirmation only', () => {
    const o = anOrder({ status: 'confirmed', volunteerId: 'vol', doneAt: NOW - 9 * 24 * H, confirmedAt: NOW - 6 * 24 * H })
    const owner = { by: 'res', actor: 'owner' as const }
    expect(transition(o, SAMPLE.REOPEN, { ...owner, now: NOW }).ok).toBe(true)
    expect(transition(o, SAMPLE.REOPEN, { ...owner, now: NOW + 2 * 24 * H })).toEqual({ ok: false, code: 'REOPEN_EXPIRED' })
  })
  it('rate once', () => {
    const o = anOrder({ status: 'confirmed', volunteerId: 'vol', rating: { stars: 5, comment: '', at: T0, by: 'res' } })
    expect(transition(o, SAMPLE.RATE, { by: 'res', actor: 'owner', now: NOW })).toEqual({ ok: false, code: 'ALREADY_RATED' })
  })
  it('overdue is marked once, and only after the deadline', () => {
    const o = anOrder({ status: 'open', dueAt: NOW + 1 })
    expect(transition(o, SAMPLE.MARK_OVERDUE, { ...sys, now: NOW })).toEqual({ ok: false, code: 'NOT_DUE' })
    const step = transition(o, SAMPLE.MARK_OVERDUE, { ...sys, now: NOW + 1 })
    if (!step.ok) throw new Error(step.code)
    expect(step.next).toMatchObject({ overdue: true, status: 'open', stageSince: o.stageSince, queueKey: `0${o._id}` })
    expect(transition(step.next, SAMPLE.MARK_OVERDUE, { ...sys, now: NOW + 2 })).toEqual({ ok: false, code: 'NOT_DUE' })
  })
})

describe('what transitions do', () => {
  const run = (o: Order, e: OrderEvent, actor: Actor, who = by[actor], now = NOW) => {
    const step = transition(o, e, { by: who, actor, now })
    if (!step.ok) throw new Error(step.code)
    return step
  }
  it('release goes back to the pool, or to staff when the order was assigned to this volunteer', () => {
    const pool = anOrder({ status: 'accepted', volunteerId: 'vol', audience: { skill: null, team: 'red_steward', volunteerId: null } })
    expect(run(pool, SAMPLE.RELEASE, 'volunteer').next).toMatchObject({ status: 'open', volunteerId: null, audience: { team: 'red_steward' } })
    const assigned = anOrder({ status: 'in_service', volunteerId: 'vol', audience: { skill: null, team: null, volunteerId: 'vol' } })
    expect(run(assigned, SAMPLE.RELEASE, 'volunteer').next).toMatchObject({ status: 'submitted', volunteerId: null, audience: { volunteerId: null } })
  })
  it('a status change restarts the SLA clock', () => {
    const o = anOrder({ status: 'submitted', urgency: 'urgent', overdue: true, dueAt: T0 })
    const { next } = run(o, SAMPLE.PUBLISH, 'staff')
    expect(next).toMatchObject({ stageSince: NOW, overdue: false, dueAt: NOW + 2 * H, points: 12, poolKey: `0${o._id}`, queueKey: null })
  })
  it('confirmation awards the volunteer once; a reopened order earns nothing more unless staff allow it', () => {
    let o = anOrder({ status: 'done', volunteerId: 'vol', doneAt: NOW - H, points: 10 })
    const first = run(o, SAMPLE.CONFIRM, 'owner')
    expect(first.effects).toContainEqual({ kind: 'award', key: 'award:order:o-1', to: 'vol', amount: 10 })
    expect(first.effects).toContainEqual({ kind: 'notice', notice: 'rated', to: ['vol'] })
    o = run(first.next, SAMPLE.REOPEN, 'owner').next
    expect(o).toMatchObject({ status: 'submitted', reopenCount: 1, volunteerId: null, rating: null, queueKey: `1${o._id}` })
    const again = (awardAgain: boolean) => {
      let x = run(o, { type: 'PUBLISH', awardAgain }, 'staff').next
      x = run(x, SAMPLE.ACCEPT, 'candidate', 'vol2').next
      x = run(x, SAMPLE.REPORT_DONE, 'volunteer', 'vol2').next
      return run(x, { type: 'CONFIRM' }, 'owner')
    }
    expect(again(false).effects.filter((e) => e.kind === 'award')).toEqual([])
    const extra = again(true)
    expect(extra.effects).toContainEqual({ kind: 'award', key: 'award:order:o-1:2', to: 'vol2', amount: 10 })
    expect(extra.next.timeline.map((t) => t.event)).toEqual(['CONFIRM', 'REOPEN', 'PUBLISH', 'ACCEPT', 'REPORT_DONE', 'CONFIRM'])
    expect(extra.next.timeline[2].note).toContain('再次给予积分')
  })
  it('no award without points or volunteer', () => {
    const o = anOrder({ status: 'done', volunteerId: 'vol', doneAt: NOW - H, points: 0 })
    expect(run(o, SAMPLE.CONFIRM, 'owner').effects.some((e) => e.kind === 'award')).toBe(false)
  })
  it('notices go to the people concerned, never to the actor', () => {
    const proxy = anOrder({ status: 'accepted', volunteerId: 'vol', residentId: null, orderedBy: 'lead', proxy: true })
    expect(run(proxy, SAMPLE.START, 'volunteer').effects).toEqual([{ kind: 'notice', notice: 'started', to: ['lead'] }])
    const both = anOrder({ status: 'accepted', volunteerId: 'vol', residentId: 'res', orderedBy: 'lead' })
    expect(run(both, SAMPLE.REPORT_DONE, 'volunteer').effects).toEqual([{ kind: 'notice', notice: 'done', to: ['res', 'lead'] }])
    expect(run(anOrder({ status: 'done', volunteerId: 'vol', doneAt: NOW - 80 * H }), SAMPLE.AUTO_CONFIRM, 'system').effects).toContainEqual({
      kind: 'notice',
      notice: 'auto_confirmed',
      to: ['res', 'vol'],
    })
    expect(run(anOrder(), SAMPLE.ASSIGN, 'staff').effects).toEqual([{ kind: 'notice', notice: 'assigned', to: ['vol'] }])
    expect(run(anOrder({ status: 'open', dueAt: NOW - 1 }), SAMPLE.MARK_OVERDUE, 'system').effects).toEqual([
      { kind: 'notice', notice: 'overdue', to: ['res'] },
    ])
  })
  it('accept records the volunteer; a late accept by another volunteer is ORDER_TAKEN', () => {
    const o = anOrder({ status: 'open' })
    const { next } = run(o, SAMPLE.ACCEPT, 'candidate', 'vol')
    expect(next).toMatchObject({ status: 'accepted', volunteerId: 'vol', volunteerName: '李建国', poolKey: null })
    const late = aCaller({ openid: 'vol2', roles: ['resident', 'volunteer'] })
    const sent = canSend(late, next, 'ACCEPT')
    expect(sent).toEqual({ ok: true, actor: 'candidate' })
    expect(transition(next, SAMPLE.ACCEPT, { by: 'vol2', actor: 'candidate', now: NOW })).toEqual({ ok: false, code: 'ORDER_TAKEN' })
  })
})

describe('sending a 大事 up to the street office', () => {
  const staff = { by: 'staff1', actor: 'staff' as const, now: NOW }
  const street = (now = NOW + H) => ({ by: 'street1', actor: 'street' as const, now })
  const step = (o: Order, e: OrderEvent, ctx: { by: string; actor: Actor; now: number }) => {
    const s = transition(o, e, ctx)
    if (!s.ok) throw new Error(s.code)
    return s.next
  }
  const up = () => step(anOrder(), { type: 'ESCALATE', department: '街道城管科', note: '路灯坏了', toStreet: true }, staff)
  it('ESCALATE toStreet opens a street case from now, unanswered, in the street queue', () => {
    const o = up()
    expect(o).toMatchObject({ status: 'escalated', street: { since: NOW, answeredAt: null, answer: null, by: null }, streetKey: `0${o._id}` })
  })
  it('ESCALATE kept in the community opens no street case', () => {
    const o = step(anOrder(), SAMPLE.ESCALATE, staff)
    expect(o).toMatchObject({ status: 'escalated', street: null, streetKey: null })
  })
  it('STREET_REPLY by the street answers it: the first answer time stays, the answer is the latest', () => {
    const first = step(up(), SAMPLE.STREET_REPLY, street(NOW + H))
    expect(first).toMatchObject({ status: 'escalated', street: { since: NOW, answeredAt: NOW + H, answer: '街道已协调城管科', by: 'street1' }, streetKey: `1${first._id}` })
    expect(first.timeline[first.timeline.length - 1]).toMatchObject({ actor: 'street', event: 'STREET_REPLY', note: '街道已协调城管科' })
    const second = step(first, { type: 'STREET_REPLY', note: '下周施工' }, street(NOW + 5 * H))
    expect(second.street).toEqual({ since: NOW, answeredAt: NOW + H, answer: '下周施工', by: 'street1' })
  })
  it('STREET_REPLY is the street\'s alone, and only while escalated', () => {
    for (const actor of ['staff', 'owner', 'system'] as const) {
      expect(transition(up(), SAMPLE.STREET_REPLY, { by: by[actor], actor, now: NOW })).toEqual({ ok: false, code: 'FORBIDDEN' })
    }
    const closed = step(up(), SAMPLE.CLOSE, staff)
    expect(transition(closed, SAMPLE.STREET_REPLY, street())).toEqual({ ok: false, code: 'BAD_STATE' })
    expect(closed.streetKey).toBeNull()
    expect(transition(anOrder(), SAMPLE.STREET_REPLY, street())).toEqual({ ok: false, code: 'BAD_STATE' })
  })
  it('PUBLISH toStreet publishes to the street pool; a later PUBLISH or an ASSIGN goes back to the community', () => {
    const toStreet = step(anOrder(), { type: 'PUBLISH', toStreet: true }, staff)
    expect(toStreet).toMatchObject({ status: 'open', pool: 'street', audienceKey: 'st:s1|all' })
    expect(step(anOrder(), { type: 'PUBLISH' }, staff)).toMatchObject({ pool: 'community', audienceKey: 'c:c1|all' })
    expect(step(anOrder({ pool: 'street' }), SAMPLE.ASSIGN, staff)).toMatchObject({ pool: 'community', audienceKey: 'c:c1|v:vol' })
  })
})

describe('the volunteer is named', () => {
  const step = (o: Order, e: OrderEvent, by: string, actor: Actor) => {
    const s = transition(o, e, { by, actor, now: T0 + 1000 })
    if (!s.ok) throw new Error(s.code)
    return s
  }
  it('at 指派 (the assignee, in the order and its timeline), at 接单 (name, phone, team) and at 改派', () => {
    const assigned = step(anOrder({ status: 'submitted' }), { type: 'ASSIGN', volunteerId: 'vol', volunteerName: '李师傅' }, 'st1', 'staff')
    expect(assigned.next.assigneeName).toBe('李师傅')
    expect(assigned.entry.note).toBe('指派给李师傅')
    const accepted = step(assigned.next, { type: 'ACCEPT', volunteerName: '李师傅', volunteerPhone: '13800000002', volunteerTeam: 'red_steward' }, 'vol', 'candidate')
    expect(accepted.next).toMatchObject({ volunteerName: '李师傅', volunteerPhone: '13800000002', volunteerTeam: 'red_steward', assigneeName: null })
    expect(accepted.entry.note).toBe('李师傅接单')
    const moved = step(accepted.next, { type: 'REASSIGN', volunteerId: 'vol2', volunteerName: '王阿姨', reason: '李师傅生病了' }, 'st1', 'staff')
    expect(moved.next).toMatchObject({ volunteerName: null, volunteerPhone: null, volunteerTeam: null, assigneeName: '王阿姨' })
    expect(moved.entry.note).toBe('改派给王阿姨：李师傅生病了')
  })
  it('a release clears who held it and whom it was assigned to; a publish note stays as written', () => {
    const held = anOrder({ status: 'accepted', volunteerId: 'vol', volunteerName: '李师傅', volunteerPhone: '13800000002', audience: { skill: null, team: null, volunteerId: 'vol' } })
    expect(step(held, { type: 'RELEASE', reason: '临时有事' }, 'vol', 'volunteer').next).toMatchObject({ volunteerName: null, volunteerPhone: null, assigneeName: null })
    expect(step(anOrder({ status: 'submitted' }), { type: 'PUBLISH', note: '请带工具' }, 'st1', 'staff').entry.note).toBe('请带工具')
  })
})

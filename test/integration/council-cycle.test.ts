/**
 * 议事协商 end to end through the real SDK, in a community of its own: a series → its sessions →
 * two topics (one raised by a 楼栋长 for a neighbour without a phone) → supports → cutoff → the
 * committee's agenda → check-in → minutes recorded and confirmed by two people → one decision makes
 * service orders with points, the other records a 公约 → the orders are served and confirmed → the
 * progress timer finds the topic done → the raiser and every supporting household were told, the
 * 楼栋长 got a task to tell the neighbour → the raisers rate.
 */
import { councilFn } from '../../core/council/contract'
import { eventsFn as events } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { callAs, fireTimer, okAs, sdkDb } from '../support/call'
import { balanceOf, otherStreet, personIn, type OtherStreet } from '../support/communities'
import { draftOf } from './council-support'
import { timeKey } from '../../core/contract/paging'
import { chinaDay, chinaMonth } from '../../core/china-time'

const THURSDAYS = { title: '逢四议事', kind: 'decide' as const, rule: { kind: 'weekly' as const, weekdays: [4 as const] }, startTime: '09:30', minutes: 90, place: '巷口说事点', host: '周网格员', capacity: 30, cutoffHours: 24, holidays: 'keep' as const }
const DAY = 86_400_000

describe('a topic from raising to the raiser\'s rating', () => {
  let s: OtherStreet
  let room = 5000
  const person = (roles: Role[] = ['resident'], extra: Partial<UserDoc> = {}) => personIn(s, roles, { room: String(room++), ...extra })
  let admin: string, staff: string, member: string, lead: string, raiser: string, volunteer: string
  let pipes: string, lift: string, sessionId: string
  const supporters: string[] = []
  const inboxOf = async (openid: string) => (await okAs(openid, orders.inbox, { limit: 50 })).items

  beforeAll(async () => {
    s = await otherStreet()
    admin = await person(['resident', 'admin'], { adminOf: [s.communityId] })
    staff = await person(['resident', 'staff'], { grids: [s.gridId], staffOf: [s.communityId], name: '周网格员' })
    member = await person(['resident'], { name: '陈委员' })
    lead = await person(['resident', 'building_lead'], { buildings: [s.buildingId], name: '赵楼长' })
    raiser = await person(['resident'], { name: '孙阿姨' })
    const now = Date.now()
    volunteer = await person(['resident', 'volunteer'], {
      name: '李志愿者',
      volunteer: { status: 'approved', skills: ['repair_pipe'], availableTimes: ['weekend_morning'], appliedAt: now, sortKey: timeKey(now, 'v'), reviewedAt: now },
    })
    const until = chinaDay(now + 200 * DAY)
    await okAs(admin, councilFn.setCommittee, { members: [{ name: '陈委员', openid: member, until }, { name: '李大爷', until }, { name: '王阿姨', until }] })
  }, 60_000)

  it('a series makes its sessions as events', async () => {
    const series = await okAs(admin, councilFn.saveSeries, THURSDAYS)
    expect(series.next.length).toBeGreaterThanOrEqual(8)
    const first = await sdkDb().collection('events').doc(series.next[0].id).get()
    expect(first.data).toMatchObject({ kind: 'council', status: 'published', place: '巷口说事点' })
  })

  it('raised by a resident and by a 楼栋长 for a neighbour; accepted; supported by households', async () => {
    pipes = (await okAs(raiser, councilFn.raiseTopic, { title: '3号楼下水管老化', detail: '一楼经常返水，希望统一换管。', subscribe: ['topic_feedback'] }))._id
    const forNeighbour = await okAs(lead, councilFn.raiseTopic, {
      title: '楼道加装扶手',
      detail: '老人上下楼不方便。',
      onBehalfOf: { name: '钱奶奶', buildingId: s.buildingId, unitId: `${s.buildingId}-1`, room: '302' },
    })
    expect(forNeighbour).toMatchObject({ proxy: true, raisedBy: '楼栋长 赵楼长 代 钱奶奶' })
    lift = forNeighbour._id
    const accepted = await okAs(staff, councilFn.acceptTopic, { topicId: pipes })
    await okAs(staff, councilFn.acceptTopic, { topicId: lift })
    sessionId = accepted.sessionId!
    const need = accepted.threshold
    for (let i = 0; i < need; i++) supporters.push(await person())
    await Promise.all(supporters.map((p, i) => okAs(p, councilFn.support, { topicId: pipes, ...(i === 0 ? { subscribe: ['topic_feedback'] } : {}) })))
    await Promise.all(supporters.map((p) => okAs(p, councilFn.support, { topicId: lift })))
    const listed = (await okAs(raiser, councilFn.topics, {})).items.filter((t) => t._id === pipes || t._id === lift)
    expect(listed.map((t) => t.supports)).toEqual([need, need])
  }, 60_000)

  it('after the cutoff the committee puts both on the agenda', async () => {
    const _ = sdkDb().command
    await sdkDb().collection('council_topics').where({ _id: _.in([pipes, lift]) }).update({ data: { cutoffAt: Date.now() - 1 } })
    const agenda = await okAs(member, councilFn.setAgenda, { sessionId, chosen: [pipes, lift], reasons: {} })
    expect(agenda.items.map((i) => i.topicId).sort()).toEqual([pipes, lift].sort())
  })

  it('minutes only once the session has started; attendance counted from check-in', async () => {
    const items = [{ topicId: pipes, summary: '大家同意统一换管', outcome: 'decided' as const, decision: '3号楼下水管由志愿者分两次更换', actions: [] }]
    expect(await callAs(staff, councilFn.recordMinutes, { sessionId, items })).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_STARTED' } })
    const start = Date.now() - 10 * 60_000
    await sdkDb().collection('events').doc(sessionId).update({ data: { startAt: start, endAt: start + 90 * 60_000 } })
    await okAs(raiser, events.signUp, { eventId: sessionId })
    const { code } = await okAs(staff, events.checkinCode, { eventId: sessionId })
    await okAs(raiser, events.checkIn, { eventId: sessionId, code })
    expect(await callAs(staff, councilFn.recordMinutes, { sessionId, items })).toMatchObject({ ok: false, error: { code: 'ITEMS_MISMATCH' } })
  })

  it('recorded by the host, confirmed by the host and a member (two people), then published', async () => {
    const due = chinaDay(Date.now() + 30 * DAY)
    const items = [
      {
        topicId: pipes,
        summary: '大家同意统一换管，费用由维修基金出',
        outcome: 'decided' as const,
        decision: '3号楼下水管由志愿者分两次更换',
        dissent: '一户认为应由物业负责',
        actions: [{ kind: 'orders' as const, title: '更换3号楼下水管', owner: staff, due, category: 'repair_pipe' as const, buildingId: s.buildingId, points: 10, count: 2 }],
      },
      { topicId: lift, summary: '同意加装扶手，先写进公约', outcome: 'decided' as const, decision: '楼道扶手由各楼自筹加装', actions: [{ kind: 'rule' as const, title: '楼道扶手自筹加装', owner: staff, due }] },
    ]
    expect(await callAs(staff, councilFn.recordMinutes, { sessionId, items: [{ ...items[0], actions: [{ ...items[0].actions[0], owner: raiser }] }, items[1]] })).toMatchObject({
      ok: false,
      error: { code: 'OWNER_UNKNOWN', details: [{ path: 'items.0.actions.0.owner' }] },
    })
    const draft = await okAs(staff, councilFn.recordMinutes, { sessionId, items })
    expect(draft).toMatchObject({ status: 'draft', attendance: 1, hostConfirmed: false, memberConfirmed: null })
    expect(await okAs(raiser, councilFn.minutes, { sessionId })).toBeNull()
    // a draft is not public, and one person cannot confirm twice over
    expect(await callAs(raiser, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })).toMatchObject({ ok: false, error: { code: 'NOT_HOST_OR_MEMBER' } })
    expect((await okAs(staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })).status).toBe('draft')
    expect(await callAs(staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId), forMember: '李大爷' })).toMatchObject({ ok: false, error: { code: 'SAME_PERSON' } })
    const published = await okAs(member, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })
    expect(published).toMatchObject({ status: 'published', memberConfirmed: '陈委员', hostConfirmed: true })
    expect(published.publicUntil! - published.publishedAt!).toBe(7 * DAY)
    expect(await callAs(staff, councilFn.recordMinutes, { sessionId, items })).toMatchObject({ ok: false, error: { code: 'MINUTES_PUBLISHED' } })
    // public now: anyone of the community reads it, and may object once during 公示
    expect((await okAs(supporters[0], councilFn.minutes, { sessionId }))!.items).toHaveLength(2)
    expect(await okAs(supporters[0], councilFn.objectMinutes, { sessionId, text: '费用来源请再说清楚' })).toEqual({ objections: 1 })
    expect(await callAs(supporters[0], councilFn.objectMinutes, { sessionId, text: '再提一次' })).toMatchObject({ ok: false, error: { code: 'ALREADY_OBJECTED' } })
  })

  it('the decision made its orders with points; the 公约 is done at once and its raiser was told, the 楼栋长 has a task', async () => {
    const t = await okAs(raiser, councilFn.topic, { topicId: pipes })
    expect(t).toMatchObject({ status: 'in_progress', decision: { decision: '3号楼下水管由志愿者分两次更换', dissent: '一户认为应由物业负责', progress: { done: 0, all: 1 } } })
    const refs = t.decision!.actions[0].refs
    expect(refs).toHaveLength(2)
    for (const id of refs) expect((await sdkDb().collection('orders').doc(id).get()).data).toMatchObject({ source: 'council', points: 10, status: 'submitted', orderedBy: staff, buildingId: s.buildingId })
    const other = await okAs(lead, councilFn.topic, { topicId: lift })
    expect(other).toMatchObject({ status: 'done', decision: { progress: { done: 1, all: 1 } }, canRate: true })
    const tells = (await okAs(lead, councilFn.tells, {})).items
    expect(tells.map((x) => [x.topicId, x.stage, x.neighbour, x.told]).sort()).toEqual([
      [lift, 'decided', `钱奶奶（302）`, false],
      [lift, 'done', `钱奶奶（302）`, false],
    ])
    const told = await okAs(lead, councilFn.markTold, { tellId: tells[0]._id })
    expect(told.told).toBe(true)
    expect(await callAs(raiser, councilFn.markTold, { tellId: tells[1]._id })).toMatchObject({ ok: false, error: { code: 'TELL_UNKNOWN' } })
    // everyone of the decided topic heard of the decision
    for (const p of [raiser, ...supporters]) expect((await inboxOf(p)).filter((n) => n.topicId === pipes).map((n) => n.kind)).toEqual(['topic_decided'])
  })

  it('the orders are served and confirmed; the timer finds the topic done and everyone is told again; the raiser rates', async () => {
    const refs = (await okAs(raiser, councilFn.topic, { topicId: pipes })).decision!.actions[0].refs
    const before = await balanceOf(volunteer)
    for (const orderId of refs) {
      // the owner who ordered them may not dispatch them too (自己下的单要由别人派)
      expect(await callAs(staff, orders.publish, { orderId })).toMatchObject({ ok: false, error: { code: 'OWN_REQUEST' } })
      await okAs(admin, orders.publish, { orderId })
      await okAs(volunteer, orders.accept, { orderId })
      await okAs(volunteer, orders.reportDone, { orderId, note: '已换好' })
      await okAs(staff, orders.confirm, { orderId, stars: 5 })
    }
    expect((await balanceOf(volunteer)) - before).toBe(20)
    expect(await callAs(raiser, councilFn.rateTopic, { topicId: pipes, satisfied: true })).toMatchObject({ ok: false, error: { code: 'TOPIC_STATE' } })
    // two runs of the timer at once (and one after, for what a clash left): every notice once
    await Promise.all([fireTimer('council', 'progress'), fireTimer('council', 'progress')])
    await fireTimer('council', 'progress')
    const done = await okAs(raiser, councilFn.topic, { topicId: pipes })
    expect(done).toMatchObject({ status: 'done', canRate: true, decision: { progress: { done: 1, all: 1 } } })
    for (const p of [raiser, ...supporters]) expect((await inboxOf(p)).filter((n) => n.topicId === pipes).map((n) => n.kind)).toEqual(['topic_done', 'topic_decided'])
    // a second run tells nobody twice
    await fireTimer('council', 'progress')
    expect((await inboxOf(supporters[1])).filter((n) => n.topicId === pipes)).toHaveLength(2)

    expect(await callAs(supporters[0], councilFn.rateTopic, { topicId: pipes, satisfied: false })).toMatchObject({ ok: false, error: { code: 'NOT_RAISER' } })
    expect(await okAs(raiser, councilFn.rateTopic, { topicId: pipes, satisfied: true })).toMatchObject({ status: 'closed', satisfied: true, canRate: false })
    expect(await okAs(lead, councilFn.rateTopic, { topicId: lift, satisfied: false })).toMatchObject({ status: 'closed', satisfied: false })
  }, 60_000)

  it('the month\'s figures: both on the agenda, both decisions carried out on time, every feedback sent, one raiser of two satisfied', async () => {
    // the month the topics were raised in (not "now": the run may cross a month's end)
    const month = chinaMonth((await okAs(raiser, councilFn.topic, { topicId: pipes })).createdAt).key
    const m = await okAs(staff, councilFn.metrics, { month })
    expect(m).toMatchObject({
      raised: 2,
      onAgenda: { num: 2, den: 2 },
      implemented: { num: 2, den: 2 },
      feedback: { num: 4, den: 4 },
      satisfied: { num: 1, den: 2, value: 0.5 },
    })
    expect(m.medianFeedbackHours).toBeGreaterThanOrEqual(0)
    expect(m.medianFeedbackHours).toBeLessThan(1)
    expect(await callAs(raiser, councilFn.metrics, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

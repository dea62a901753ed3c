/**
 * What happens to topics besides the happy path, through the real SDK: declined, merged or
 * converted by staff (the raiser told why), withdrawn by the raiser only; a deferred topic carried
 * to the next session; a decision's event (points within the rule) done once it has ended, an
 * escalation marked done by its owner only; a draft rewritten starts its confirmations again;
 * objections close after 7 days of 公示.
 */
import { councilFn } from '../../core/council/contract'
import { orders } from '../../core/orders/contract'
import { chinaDay } from '../../core/china-time'
import { callAs, fireTimer, okAs, sdkDb } from '../support/call'
import { councilWorld, DAY, draftOf, startedSessionWith, type CouncilWorld } from './council-support'

describe('topics off the agenda, deferred topics, actions, drafts and objections', () => {
  let w: CouncilWorld
  beforeAll(async () => {
    w = await councilWorld()
  }, 60_000)
  const raise = async (by: string, title: string) => (await okAs(by, councilFn.raiseTopic, { title, detail: `${title}，请社区看看。` }))._id

  it('declined, merged or converted by staff with a public reason; the raiser is told; a finished topic cannot be routed again', async () => {
    const raiser = await w.person()
    const [a, b, c] = [await raise(raiser, '小区门口乱停车'), await raise(raiser, '门口停车乱'), await raise(raiser, '3楼漏水')]
    expect(await callAs(raiser, councilFn.routeTopic, { topicId: a, to: 'decline', reason: '不是议事范围' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await okAs(w.staff, councilFn.routeTopic, { topicId: a, to: 'decline', reason: '属于物业职责，已转告物业' })).toMatchObject({ status: 'declined', reason: '属于物业职责，已转告物业' })
    expect(await callAs(w.staff, councilFn.routeTopic, { topicId: b, to: 'merge', reason: '重复', into: b })).toMatchObject({ ok: false, error: { code: 'MERGE_TARGET', details: [{ path: 'into' }] } })
    expect(await callAs(w.staff, councilFn.routeTopic, { topicId: b, to: 'merge', reason: '重复', into: a })).toMatchObject({ ok: false, error: { code: 'MERGE_TARGET' } })
    const live = await raise(await w.person(), '停车位不够')
    expect(await okAs(w.staff, councilFn.routeTopic, { topicId: b, to: 'merge', reason: '和"停车位不够"一起议', into: live })).toMatchObject({ status: 'merged' })
    expect(await okAs(w.staff, councilFn.routeTopic, { topicId: c, to: 'convert', convertTo: 'order', reason: '个人家里的事，转为服务单' })).toMatchObject({ status: 'converted' })
    expect(await callAs(w.staff, councilFn.routeTopic, { topicId: a, to: 'decline', reason: '再拒一次' })).toMatchObject({ ok: false, error: { code: 'TOPIC_STATE' } })
    const told = (await okAs(raiser, orders.inbox, { limit: 20 })).items.filter((n) => n.kind === 'topic_routed')
    expect(told.map((n) => n.body).sort()).toEqual(['理由：个人家里的事，转为服务单', '理由：和"停车位不够"一起议', '理由：属于物业职责，已转告物业'])
  })

  it('withdrawn only by its raiser, only before a session', async () => {
    const raiser = await w.person()
    const t = await raise(raiser, '楼下垃圾桶太少')
    expect((await okAs(raiser, councilFn.topic, { topicId: t })).canWithdraw).toBe(true)
    expect(await callAs(await w.person(), councilFn.withdrawTopic, { topicId: t })).toMatchObject({ ok: false, error: { code: 'NOT_RAISER' } })
    expect(await callAs(w.staff, councilFn.withdrawTopic, { topicId: t })).toMatchObject({ ok: false, error: { code: 'NOT_RAISER' } })
    expect(await okAs(raiser, councilFn.withdrawTopic, { topicId: t })).toMatchObject({ status: 'withdrawn', canWithdraw: false })
  })

  it('a session: points over the rule refused, a draft rewritten needs confirming again, a deferred topic carried on, an event and an escalation as actions', async () => {
    const { sessionId, topics } = await startedSessionWith(w, ['办一次便民服务日', '健身器材坏了', '电动车充电桩'])
    const [day, gym, charging] = topics
    const due = chinaDay(Date.now() + 20 * DAY)
    const startAt = Date.now() + 3 * DAY
    const event = { kind: 'event' as const, title: '便民服务日', owner: w.staff, due, startAt, minutes: 120, place: '社区广场', capacity: 20, points: 5 }
    const escalate = { kind: 'escalate' as const, title: '报街道协调充电桩', owner: w.staff, due }
    const items = (points: number) => [
      { topicId: day, summary: '大家赞成', outcome: 'decided' as const, decision: '下月办一次便民服务日', actions: [{ ...event, points }] },
      { topicId: gym, summary: '要先问清楚归谁管', outcome: 'deferred' as const },
      { topicId: charging, summary: '涉及电力改造', outcome: 'decided' as const, decision: '上报街道协调', actions: [escalate] },
    ]
    // a 网格员 may not award more than twice the rule's attendance points (5 by default)
    expect(await callAs(w.staff, councilFn.recordMinutes, { sessionId, items: items(500) })).toMatchObject({ ok: false, error: { code: 'POINTS_OVER_RULE', details: [{ path: 'items.0.actions.0.points' }] } })
    const past = items(5).map((i, n) => (n === 0 ? { ...i, actions: [{ ...event, startAt: Date.now() - DAY }] } : i))
    expect(await callAs(w.staff, councilFn.recordMinutes, { sessionId, items: past })).toMatchObject({ ok: false, error: { code: 'EVENT_IN_PAST', details: [{ path: 'items.0.actions.0.startAt' }] } })
    await okAs(w.staff, councilFn.recordMinutes, { sessionId, items: items(5) })
    await okAs(w.staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })
    // rewritten: the host's confirmation is gone
    expect(await okAs(w.staff, councilFn.recordMinutes, { sessionId, items: items(6) })).toMatchObject({ hostConfirmed: false, status: 'draft' })
    // a confirmation of the draft read before it was rewritten is refused: what is confirmed is what was read
    const read = await draftOf(sessionId)
    await okAs(w.staff, councilFn.recordMinutes, { sessionId, items: items(5) })
    expect(await callAs(w.member, councilFn.confirmMinutes, { sessionId, draftAt: read })).toMatchObject({ ok: false, error: { code: 'DRAFT_CHANGED' } })
    // another 网格员 rewriting it becomes its host; the first one's confirmation is not the host's any more
    const other2 = await w.person(['resident', 'staff'], { grids: [w.s.gridId], staffOf: [w.s.communityId] })
    await okAs(other2, councilFn.recordMinutes, { sessionId, items: items(6) })
    expect(await callAs(w.staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })).toMatchObject({ ok: false, error: { code: 'NOT_HOST_OR_MEMBER' } })
    // staff may not stand in for a member who has the app
    expect(await callAs(w.staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId), forMember: '陈委员' })).toMatchObject({ ok: false, error: { code: 'NOT_HOST_OR_MEMBER' } })
    await okAs(w.staff, councilFn.recordMinutes, { sessionId, items: items(6) })
    expect((await okAs(w.member, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })).status).toBe('draft')
    expect(await callAs(w.member, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })).toMatchObject({ ok: false, error: { code: 'ALREADY_CONFIRMED' } })
    const published = await okAs(w.staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })
    expect(published.status).toBe('published')

    // deferred → carried to the next session that has not started
    const carried = await okAs(w.staff, councilFn.topic, { topicId: gym })
    expect(carried.status).toBe('on_agenda')
    expect(carried.sessionId).not.toBe(sessionId)

    // the event exists with its points; done once it has ended (the progress timer)
    const dayTopic = await okAs(w.staff, councilFn.topic, { topicId: day })
    const eventId = dayTopic.decision!.actions[0].refs[0]
    expect((await sdkDb().collection('events').doc(eventId).get()).data).toMatchObject({ kind: 'volunteer_day', points: 6, capacity: 20, status: 'published', communityId: w.s.communityId })
    // not done before it has taken place; once it has, its owner may say so (the timer would find it too)
    expect(await callAs(w.staff, councilFn.finishAction, { topicId: day, actionId: 'a1' })).toMatchObject({ ok: false, error: { code: 'ACTION_NOT_YET' } })
    await sdkDb().collection('events').doc(eventId).update({ data: { startAt: Date.now() - 3 * 3_600_000, endAt: Date.now() - 3_600_000 } })
    expect(await callAs(w.staff, councilFn.finishAction, { topicId: day, actionId: 'a1' })).toMatchObject({ ok: true })
    expect(await callAs(w.staff, councilFn.finishAction, { topicId: day, actionId: 'a1' })).toMatchObject({ ok: false, error: { code: 'ACTION_DONE' } })

    // an escalation: done when its owner (or an admin) says so
    const other = await w.person(['resident', 'staff'], { grids: [w.s.gridId], staffOf: [w.s.communityId] })
    expect(await callAs(other, councilFn.finishAction, { topicId: charging, actionId: 'a1' })).toMatchObject({ ok: false, error: { code: 'NOT_OWNER' } })
    expect(await callAs(w.staff, councilFn.finishAction, { topicId: charging, actionId: 'a9' })).toMatchObject({ ok: false, error: { code: 'ACTION_UNKNOWN' } })
    expect(await okAs(w.staff, councilFn.finishAction, { topicId: charging, actionId: 'a1' })).toMatchObject({ status: 'done', decision: { progress: { done: 1, all: 1 } } })
  }, 90_000)

  it('an event action is done by the timer once the event has ended', async () => {
    const { sessionId, topics } = await startedSessionWith(w, ['办一次义诊'])
    // the topic deferred at the session before is on this one's agenda, listed first
    const agenda = await okAs(w.member, councilFn.agenda, { sessionId })
    expect(agenda!.items.map((i) => [i.title, i.reason])).toEqual([['健身器材坏了', '上次议事会暂缓，这次接着议'], ['办一次义诊', null]])
    const due = chinaDay(Date.now() + 20 * DAY)
    await okAs(w.staff, councilFn.recordMinutes, {
      sessionId,
      items: [
        { topicId: agenda!.items[0].topicId, summary: '问清楚了，归物业管', outcome: 'decided', decision: '由物业修好健身器材' },
        { topicId: topics[0], summary: '赞成', outcome: 'decided', decision: '请社区医院来义诊', actions: [{ kind: 'event', title: '义诊', owner: w.staff, due, startAt: Date.now() + DAY, minutes: 60, place: '活动室', capacity: 10, points: 5 }] },
      ],
    })
    await okAs(w.staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })
    await okAs(w.member, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })
    const eventId = (await okAs(w.staff, councilFn.topic, { topicId: topics[0] })).decision!.actions[0].refs[0]
    await fireTimer('council', 'progress')
    expect((await okAs(w.staff, councilFn.topic, { topicId: topics[0] })).status).toBe('in_progress')
    await sdkDb().collection('events').doc(eventId).update({ data: { startAt: Date.now() - 2 * 3_600_000, endAt: Date.now() - 3_600_000 } })
    await fireTimer('council', 'progress')
    expect(await okAs(w.staff, councilFn.topic, { topicId: topics[0] })).toMatchObject({ status: 'done', decision: { progress: { done: 1, all: 1 } } })
  }, 90_000)

  it('objections are taken during the 7 days of 公示 only', async () => {
    const { sessionId, topics } = await startedSessionWith(w, ['楼道堆物'])
    await okAs(w.staff, councilFn.recordMinutes, { sessionId, items: [{ topicId: topics[0], summary: '要清理', outcome: 'decided', decision: '周六统一清理楼道', actions: [] }] })
    await okAs(w.member, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })
    await okAs(w.staff, councilFn.confirmMinutes, { sessionId, draftAt: await draftOf(sessionId) })
    const resident = await w.person()
    expect(await okAs(resident, councilFn.objectMinutes, { sessionId, text: '周六不方便' })).toEqual({ objections: 1 })
    await sdkDb().collection('council_minutes').doc(sessionId).update({ data: { publishedAt: Date.now() - 7 * DAY } })
    expect(await callAs(await w.person(), councilFn.objectMinutes, { sessionId, text: '晚了' })).toMatchObject({ ok: false, error: { code: 'OBJECTIONS_CLOSED' } })
    expect((await okAs(resident, councilFn.minutes, { sessionId }))!.objections.map((o) => o.text)).toEqual(['周六不方便'])
  }, 90_000)
})

/**
 * 议题 and 附议 through the real SDK, in a community of its own: raised by a resident and by a
 * 楼栋长 for a neighbour, accepted into the next 议事会 that still takes topics, supported by 300
 * households at once (counts exact), one household's two phones racing past its limit (held), its
 * own topic, the cutoff, and callers of another community.
 */
import { councilFn } from '../../core/council/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, okAs, sdkDb, untilFinal } from '../support/call'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { otherStreet, personIn, type OtherStreet } from '../support/communities'

const THURSDAYS = { title: '逢四议事', kind: 'decide' as const, rule: { kind: 'weekly' as const, weekdays: [4 as const] }, startTime: '09:30', minutes: 90, place: '巷口说事点', host: '张网格员', capacity: 30, cutoffHours: 24, holidays: 'keep' as const }
const TOPIC = { title: '楼道灯晚上不亮', detail: '3号楼楼道灯坏了两个月，老人晚上下楼看不清台阶，希望大家议一议怎么修、谁来出钱。' }

describe('议题 and 附议', () => {
  let s: OtherStreet
  let admin: string
  let staff: string
  let room = 100
  /** A resident of the community, in a room of their own unless one is given. */
  const person = (roles: Role[] = ['resident'], extra: Partial<UserDoc> = {}, at: { room?: string } = {}) => personIn(s, roles, { room: at.room ?? String(room++), ...extra })
  const accepted = async (by: string) => {
    const t = await okAs(by, councilFn.raiseTopic, TOPIC)
    return okAs(staff, councilFn.acceptTopic, { topicId: t._id })
  }

  beforeAll(async () => {
    s = await otherStreet()
    admin = await person(['resident', 'admin'], { adminOf: [s.communityId] })
    staff = await person(['resident', 'staff'], { grids: [s.gridId], staffOf: [s.communityId] })
    await okAs(admin, councilFn.saveSeries, THURSDAYS)
  })

  it('a resident raises a topic; staff accept it into the next 议事会 still taking topics; it needs max(5, 2 %) supports', async () => {
    const raiser = await person()
    const t = await okAs(raiser, councilFn.raiseTopic, TOPIC)
    expect(t).toMatchObject({ status: 'submitted', proxy: false, supports: 0, sessionId: null })
    const a = await okAs(staff, councilFn.acceptTopic, { topicId: t._id })
    const { items: series } = await okAs(admin, councilFn.series, {})
    const open = series[0].next.map((n) => ({ id: n.id, cutoffAt: n.startAt - 24 * 3_600_000 })).find((n) => n.cutoffAt > Date.now())!
    expect(a).toMatchObject({ status: 'accepted', sessionId: open.id, cutoffAt: open.cutoffAt, threshold: 5 })
    expect(await callAs(staff, councilFn.acceptTopic, { topicId: t._id })).toMatchObject({ ok: false, error: { code: 'TOPIC_STATE' } })
    expect(await callAs(raiser, councilFn.support, { topicId: t._id })).toMatchObject({ ok: false, error: { code: 'OWN_TOPIC' } })
  })

  it('300 households support one topic at once: 300 supports, each counted once', async () => {
    const t = await accepted(await person())
    const households = await Promise.all(Array.from({ length: 300 }, () => person()))
    const results = await Promise.all(households.map((h) => untilFinal(h, councilFn.support, { topicId: t._id })))
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect((await sdkDb().collection('council_supports').where({ topicId: t._id }).count()).total).toBe(300)
    const again = await untilFinal(households[0], councilFn.support, { topicId: t._id })
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SUPPORTED' } })
    const listed = (await okAs(households[1], councilFn.topics, {})).items.find((x) => x._id === t._id)!
    expect(listed).toMatchObject({ supports: 300, mine: true })
  })

  it('one household, two phones, five topics at once: exactly its 3 supports, none twice', async () => {
    const topics = await Promise.all(Array.from({ length: 5 }, async () => (await accepted(await person()))._id))
    const phones = [await person(['resident'], {}, { room: '888' }), await person(['resident'], {}, { room: '888室' })]
    const results = await Promise.all(phones.flatMap((p) => topics.map((topicId) => untilFinal(p, councilFn.support, { topicId }))))
    const ok = results.filter((r) => r.ok)
    expect(ok).toHaveLength(3)
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r as { error: { code: string } }).error.code))).toEqual(new Set(['NO_SUPPORTS_LEFT', 'ALREADY_SUPPORTED']))
    const docs = (await sdkDb().collection('council_supports').where({ topicId: sdkDb().command.in(topics) }).limit(100).get()).data as { topicId: string }[]
    expect(docs).toHaveLength(3)
    expect(new Set(docs.map((d) => d.topicId)).size).toBe(3)
  })

  it('a person who changes the room in their profile supports no more: not the same topic again, not past the limit', async () => {
    const topics = await Promise.all(Array.from({ length: 4 }, async () => (await accepted(await person()))._id))
    const mover = await person()
    for (const topicId of topics.slice(0, 3)) await okAs(mover, councilFn.support, { topicId })
    await sdkDb().collection('users').doc(mover).update({ data: { room: '777' } })
    expect(await callAs(mover, councilFn.support, { topicId: topics[0] })).toMatchObject({ ok: false, error: { code: 'ALREADY_SUPPORTED' } })
    expect(await callAs(mover, councilFn.support, { topicId: topics[3] })).toMatchObject({ ok: false, error: { code: 'NO_SUPPORTS_LEFT' } })
    // the household of room 777 (someone else living there) still has its own supports
    expect(await callAs(await person(['resident'], {}, { room: '777' }), councilFn.support, { topicId: topics[3] })).toMatchObject({ ok: true })
  })

  it('a 楼栋长 raises one for a neighbour without a phone (代提), only in their building', async () => {
    const lead = await person(['resident', 'building_lead'], { buildings: [s.buildingId] })
    const t = await okAs(lead, councilFn.raiseTopic, { ...TOPIC, onBehalfOf: { name: '李奶奶', buildingId: s.buildingId, unitId: `${s.buildingId}-1`, room: '501' } })
    expect(t).toMatchObject({ proxy: true })
    expect(t.raisedBy).toMatch(/^楼栋长 .+ 代 李奶奶$/)
    const plain = await person()
    expect(await callAs(plain, councilFn.raiseTopic, { ...TOPIC, onBehalfOf: { name: '李奶奶', buildingId: s.buildingId, unitId: `${s.buildingId}-1`, room: '501' } })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_NEIGHBOUR' } })
    // the neighbour's household does not support the topic raised for it
    await okAs(staff, councilFn.acceptTopic, { topicId: t._id })
    const neighbourPhone = await person(['resident'], {}, { room: '501' })
    expect(await callAs(neighbourPhone, councilFn.support, { topicId: t._id })).toMatchObject({ ok: false, error: { code: 'OWN_TOPIC' } })
  })

  it('refused: after the cutoff, before it is accepted, without a room, from another community', async () => {
    const t = await accepted(await person())
    const raw = await okAs(await person(), councilFn.raiseTopic, TOPIC)
    expect(await callAs(await person(), councilFn.support, { topicId: raw._id })).toMatchObject({ ok: false, error: { code: 'TOPIC_STATE' } })
    expect(await callAs(await person(['resident'], {}, { room: '' }), councilFn.support, { topicId: t._id })).toMatchObject({ ok: false, error: { code: 'NO_HOUSEHOLD' } })
    expect(await callAs(PERSONAS.residentWang.openid, councilFn.support, { topicId: t._id })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
    expect(await callAs(PERSONAS.staffZhang.openid, councilFn.acceptTopic, { topicId: raw._id })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
    await sdkDb().collection('council_topics').doc(t._id).update({ data: { cutoffAt: Date.now() - 1 } })
    expect(await callAs(await person(), councilFn.support, { topicId: t._id })).toMatchObject({ ok: false, error: { code: 'SUPPORTS_CLOSED' } })
    expect((await sdkDb().collection('council_supports').where({ topicId: t._id }).count()).total).toBe(0)
  })
})

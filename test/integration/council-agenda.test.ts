/**
 * The 选题委员会 and its agenda through the real SDK, in a community of its own: topics with 9, 7,
 * 6, 5, 5, 3 and 0 supports (threshold 5), a committee of 3 (one with the app, two without), the
 * agenda only after the supports close, only by a member (or staff recording for one), only as the
 * rule allows, once.
 */
import { councilFn } from '../../core/council/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, okAs, sdkDb } from '../support/call'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { otherStreet, personIn, type OtherStreet } from '../support/communities'

const THURSDAYS = { title: '逢四议事', kind: 'decide' as const, rule: { kind: 'weekly' as const, weekdays: [4 as const] }, startTime: '09:30', minutes: 90, place: '巷口说事点', host: '张网格员', capacity: 30, cutoffHours: 24, holidays: 'keep' as const }
const SUPPORTS = [9, 7, 6, 5, 5, 3, 0]

describe('the committee\'s agenda', () => {
  let s: OtherStreet
  let admin: string
  let staff: string
  let member: string
  let room = 300
  let topics: string[]
  let own: string
  let sessionId: string
  const person = (roles: Role[] = ['resident'], extra: Partial<UserDoc> = {}) => personIn(s, roles, { room: String(room++), ...extra })
  const raised = async (by: string, title: string) => {
    const t = await okAs(by, councilFn.raiseTopic, { title, detail: `${title}，请大家议一议。` })
    return (await okAs(staff, councilFn.acceptTopic, { topicId: t._id }))._id
  }

  beforeAll(async () => {
    s = await otherStreet()
    admin = await person(['resident', 'admin'], { adminOf: [s.communityId] })
    staff = await person(['resident', 'staff'], { grids: [s.gridId], staffOf: [s.communityId], name: '周网格员' })
    member = await person(['resident'], { name: '陈委员' })
    await okAs(admin, councilFn.saveSeries, THURSDAYS)
    // raised one after another: D is older than E (both 5 supports: the older goes first)
    topics = []
    for (const letter of 'ABCDEFG') topics.push(await raised(await person(), `议题${letter}`))
    own = await raised(member, '委员会提：小区停车')
    // a household of its own for every support
    await Promise.all(SUPPORTS.flatMap((n, i) => Array.from({ length: n }, async () => okAs(await person(), councilFn.support, { topicId: topics[i] }))))
    sessionId = (await okAs(member, councilFn.topics, {})).items.find((t) => t._id === topics[0])!.sessionId!
  }, 60_000)

  it('a committee of 3 with terms; a member who has the app must live in the community', async () => {
    const until = '2027-06-30'
    const set = await okAs(admin, councilFn.setCommittee, { members: [{ name: '陈委员', openid: member, until }, { name: '李大爷', until }, { name: '王阿姨', until }] })
    expect(set.members).toEqual([{ name: '陈委员', hasApp: true, until }, { name: '李大爷', hasApp: false, until }, { name: '王阿姨', hasApp: false, until }])
    expect(await callAs(admin, councilFn.setCommittee, { members: [{ name: '外人', openid: PERSONAS.residentWang.openid, until }, { name: '李大爷', until }, { name: '王阿姨', until }] })).toMatchObject({ ok: false, error: { code: 'MEMBER_UNKNOWN', details: [{ path: 'members.0.openid' }] } })
    expect(await callAs(admin, councilFn.setCommittee, { members: [{ name: '陈委员', until }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await okAs(await person(), councilFn.committee, {})).members.map((m) => m.name)).toEqual(['陈委员', '李大爷', '王阿姨'])
  })

  it('not before the supports close', async () => {
    expect(await callAs(member, councilFn.setAgenda, { sessionId, chosen: [], reasons: {} })).toMatchObject({ ok: false, error: { code: 'SUPPORTS_OPEN' } })
    const _ = sdkDb().command
    await sdkDb().collection('council_topics').where({ _id: _.in([...topics, own]) }).update({ data: { cutoffAt: Date.now() - 1 } })
  })

  it('only a member, or staff recording for a named member', async () => {
    const choice = { sessionId, chosen: [], reasons: {} }
    expect(await callAs(await person(), councilFn.setAgenda, choice)).toMatchObject({ ok: false, error: { code: 'NOT_COMMITTEE' } })
    expect(await callAs(staff, councilFn.setAgenda, choice)).toMatchObject({ ok: false, error: { code: 'NOT_COMMITTEE' } })
    expect(await callAs(staff, councilFn.setAgenda, { ...choice, forMember: '不认识' })).toMatchObject({ ok: false, error: { code: 'NOT_COMMITTEE' } })
  })

  it('only as the rule allows: a topic under the threshold, a qualified topic left out without a reason', async () => {
    const [a, b, c, d, e, f] = topics
    expect(await callAs(member, councilFn.setAgenda, { sessionId, chosen: [a, f], reasons: { b: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_QUALIFIED', details: { ids: [f] } } })
    expect(await callAs(member, councilFn.setAgenda, { sessionId, chosen: [a, b, c], reasons: { [d]: '已转服务单' } })).toMatchObject({ ok: false, error: { code: 'REASON_MISSING', details: { ids: [e] } } })
    expect(await sdkDb().collection('council_agendas').doc(sessionId).get().catch(() => ({ data: null }))).toMatchObject({ data: null })
  })

  it('put once: the chosen by supports then age, its own last with its reason, the left-out with theirs; the topics are on the agenda', async () => {
    const [a, b, c, d, e] = topics
    const put = await okAs(member, councilFn.setAgenda, { sessionId, chosen: [c, a, b], reasons: { [d]: '已转为服务单，由网格员跟进', [e]: '与议题A重复，合并讨论' }, own: { topicId: own, reason: '冬季停车关系全体居民' } })
    expect(put.items.map((i) => [i.topicId, i.supports, i.own])).toEqual([[a, 9, false], [b, 7, false], [c, 6, false], [own, 0, true]])
    expect(put.leftOut.map((l) => [l.topicId, l.reason])).toEqual([[d, '已转为服务单，由网格员跟进'], [e, '与议题A重复，合并讨论']])
    expect(put.by).toBe('委员 陈委员')
    const listed = (await okAs(member, councilFn.topics, {})).items
    const status = (id: string) => listed.find((t) => t._id === id)!.status
    expect([a, b, c, own].map(status)).toEqual(['on_agenda', 'on_agenda', 'on_agenda', 'on_agenda'])
    expect([d, e].map(status)).toEqual(['accepted', 'accepted'])
    expect(await okAs(await person(), councilFn.agenda, { sessionId })).toEqual(put)
    expect(await callAs(member, councilFn.setAgenda, { sessionId, chosen: [a, b, c], reasons: { [d]: 'x', [e]: 'x' } })).toMatchObject({ ok: false, error: { code: 'AGENDA_SET' } })
  })

  it('staff record it for a member without the app', async () => {
    const { items } = await okAs(admin, councilFn.series, {})
    const later = items[0].next.find((n) => n.id !== sessionId)!.id
    const put = await okAs(staff, councilFn.setAgenda, { sessionId: later, chosen: [], reasons: {}, forMember: '李大爷' })
    expect(put).toMatchObject({ items: [], leftOut: [], by: '周网格员 代委员 李大爷 记录' })
  })
})

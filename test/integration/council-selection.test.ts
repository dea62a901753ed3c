/**
 * The community's own selection rules and a 楼栋长's supports for elders without the app, through
 * the real SDK: the admin sets 1 support per household, a threshold of 2 and 2 supports per 楼栋长;
 * the limits hold one by one and under 20 calls at once.
 */
import { councilFn } from '../../core/council/contract'
import { callAs, okAs, sdkDb, untilFinal } from '../support/call'
import { councilWorld, type CouncilWorld } from './council-support'

const RULES = { supportsPerHousehold: 1, minSupports: 2, sharePercent: 0, agendaSize: 2, proxySupportsPerLead: 2 }

describe('selection rules and supports for elders', () => {
  let w: CouncilWorld
  let lead: string
  const topics: string[] = []
  const elder = (room: string) => ({ name: `老人${room}`, buildingId: w.s.buildingId, unitId: `${w.s.buildingId}-1`, room })
  beforeAll(async () => {
    w = await councilWorld()
    lead = await w.person(['resident', 'building_lead'], { buildings: [w.s.buildingId], name: '赵楼长' })
    for (const title of ['修单元门', '装雨棚', '补路灯', '清理小广告']) {
      const t = await okAs(await w.person(), councilFn.raiseTopic, { title, detail: `${title}，请大家议一议。` })
      topics.push((await okAs(w.staff, councilFn.acceptTopic, { topicId: t._id }))._id)
    }
  }, 60_000)

  it('set by the community\'s admin only; the threshold follows', async () => {
    expect(await callAs(w.staff, councilFn.setSelection, RULES)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await callAs(w.admin, councilFn.setSelection, { ...RULES, agendaSize: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'agendaSize' }] } })
    expect(await okAs(w.admin, councilFn.setSelection, RULES)).toEqual(RULES)
    expect(await okAs(w.staff, councilFn.selection, {})).toEqual(RULES)
    expect((await okAs(w.staff, councilFn.topic, { topicId: topics[0] })).threshold).toBe(2)
  })

  it('a household has one support per session now', async () => {
    const resident = await w.person()
    expect(await okAs(resident, councilFn.support, { topicId: topics[0] })).toMatchObject({ left: 0 })
    expect(await callAs(resident, councilFn.support, { topicId: topics[1] })).toMatchObject({ ok: false, error: { code: 'NO_SUPPORTS_LEFT' } })
  })

  it('a 楼栋长 supports for named elders of their building with a reason, up to their allowance; the elder\'s household counts as supporting', async () => {
    const stranger = await w.person()
    expect(await callAs(stranger, councilFn.supportFor, { topicId: topics[0], elder: elder('901'), reason: '老人行动不便' })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_NEIGHBOUR' } })
    const r = await okAs(lead, councilFn.supportFor, { topicId: topics[0], elder: elder('901'), reason: '老人腿脚不便，托我附议' })
    expect(r.left).toBe(0)
    const stored = (await sdkDb().collection('council_supports').where({ topicId: topics[0], by: lead }).get()).data
    expect(stored).toMatchObject([{ forElder: { name: '老人901', reason: '老人腿脚不便，托我附议' } }])
    // the same household again, on the same topic or another (one support per household per session)
    expect(await callAs(lead, councilFn.supportFor, { topicId: topics[0], elder: elder('901'), reason: '再附议' })).toMatchObject({ ok: false, error: { code: 'ALREADY_SUPPORTED' } })
    expect(await callAs(lead, councilFn.supportFor, { topicId: topics[1], elder: elder('901'), reason: '再附议' })).toMatchObject({ ok: false, error: { code: 'NO_SUPPORTS_LEFT' } })
    await okAs(lead, councilFn.supportFor, { topicId: topics[1], elder: elder('902'), reason: '托我附议' })
    expect(await callAs(lead, councilFn.supportFor, { topicId: topics[2], elder: elder('903'), reason: '托我附议' })).toMatchObject({ ok: false, error: { code: 'PROXY_SUPPORTS_LEFT' } })
  })

  it('not for a household where someone is registered, not on one\'s own topic, at most 2 households a topic', async () => {
    await okAs(w.admin, councilFn.setSelection, { ...RULES, proxySupportsPerLead: 5 })
    const lead2 = await w.person(['resident', 'building_lead'], { buildings: [w.s.buildingId], name: '孙楼长' })
    const registered = (await sdkDb().collection('users').doc(await w.person()).get()).data as { room: string }
    expect(await callAs(lead2, councilFn.supportFor, { topicId: topics[2], elder: elder(registered.room), reason: '托我附议' })).toMatchObject({ ok: false, error: { code: 'ELDER_HAS_APP', details: [{ path: 'elder.room' }] } })
    const own = await okAs(lead2, councilFn.raiseTopic, { title: '楼长自己的议题', detail: '想让它上会，请大家议一议。' })
    await okAs(w.staff, councilFn.acceptTopic, { topicId: own._id })
    expect(await callAs(lead2, councilFn.supportFor, { topicId: own._id, elder: elder('931'), reason: '托我附议' })).toMatchObject({ ok: false, error: { code: 'OWN_TOPIC' } })
    await okAs(lead2, councilFn.supportFor, { topicId: topics[2], elder: elder('932'), reason: '托我附议' })
    await okAs(lead2, councilFn.supportFor, { topicId: topics[2], elder: elder('933'), reason: '托我附议' })
    expect(await callAs(lead2, councilFn.supportFor, { topicId: topics[2], elder: elder('934'), reason: '托我附议' })).toMatchObject({ ok: false, error: { code: 'PROXY_TOPIC_LIMIT' } })
    await okAs(w.admin, councilFn.setSelection, RULES)
  })

  it('20 calls at once for 20 elders: exactly the allowance goes through', async () => {
    const other = await w.person(['resident', 'building_lead'], { buildings: [w.s.buildingId], name: '钱楼长' })
    // each call retried on BUSY, as the app's client does
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => untilFinal(other, councilFn.supportFor, { topicId: topics[3], elder: elder(String(950 + i)), reason: '托我附议' }, 21)))
    expect(results.filter((r) => r.ok)).toHaveLength(RULES.proxySupportsPerLead)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code).every((c) => c === 'PROXY_SUPPORTS_LEFT')).toBe(true)
    expect((await sdkDb().collection('council_supports').where({ topicId: topics[3], by: other }).count()).total).toBe(RULES.proxySupportsPerLead)
  })
})

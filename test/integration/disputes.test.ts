/**
 * 矛盾调解 through the real SDK: a 私事 order taken over as a case and carried to a closed case after
 * the 回访; a 楼栋长 reporting for an elder without a phone, mediation that fails with guidance;
 * breach, renewed mediation, referral out; the reporter's withdrawal; nobody acting on their own
 * case; the timer's 司法确认 reminder and 回访 notice, each sent once; the figures.
 */
import { disputesFn } from '../../core/disputes/contract'
import { orders } from '../../core/orders/contract'
import { councilFn } from '../../core/council/contract'
import { chinaDay } from '../../core/china-time'
import { callAs, fireTimer, okAs, sdkDb } from '../support/call'
import { DAY, disputeWorld, reportedCase, soon, type DisputeWorld } from './disputes-support'

let w: DisputeWorld
beforeAll(async () => {
  w = await disputeWorld()
})

const refused = (code: string) => ({ ok: false, error: { code } })
const PHOTO = 'cloud://test-env/disputes/agreement-1.jpg'
const performBy = () => chinaDay(Date.now() + 7 * DAY)
const noticesOf = async (disputeId: string) => (await sdkDb().collection('dispute_notices').where({ disputeId }).limit(100).get()).data as { to: string; title: string }[]

describe('a 私事 order becomes a case and is closed after the 回访', () => {
  it('runs from the referral to 结案, each step by the person it belongs to', async () => {
    const [resident, upstairs] = await Promise.all([w.person(), w.person()])
    const order = await okAs(resident, orders.create, { category: 'other', description: '楼上装修噪音每天到晚上十点，说了不听', urgency: 'normal' })
    await okAs(w.staff, orders.refer, { orderId: order._id, guidance: '邻里纠纷，转社区调解室' })
    const input = { from: 'order' as const, id: order._id, category: 'noise' as const, others: [{ name: '楼上住户', phone: await w.phoneOf(upstairs), side: 'respondent' as const, room: '602' }] }
    const taken = await okAs(w.staff, disputesFn.takeReferral, input)
    expect(taken).toMatchObject({ status: 'reported', source: 'transferred', role: 'staff' })
    expect(taken.parties.map((p) => [p.side, p.hasApp])).toEqual([['applicant', true], ['respondent', true]])
    // taking it twice gives the same case
    expect((await okAs(w.staff, disputesFn.takeReferral, input))._id).toBe(taken._id)

    const id = taken._id
    expect((await okAs(w.staff, disputesFn.accept, { disputeId: id })).status).toBe('accepted')
    const mediating = await okAs(w.staff, disputesFn.mediate, { disputeId: id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    expect(mediating).toMatchObject({ status: 'mediating', mediators: [{ name: '老党员许伯', title: '银发先锋' }] })
    // the mediator sees the parties' phones; a party sees names only
    expect((await okAs(w.pioneer.openid, disputesFn.dispute, { disputeId: id })).parties[1].phone).toBe(await w.phoneOf(upstairs))
    const asParty = await okAs(resident, disputesFn.dispute, { disputeId: id })
    expect(asParty.parties.map((p) => p.phone)).toEqual([null, null])
    expect(asParty.mediators[0].phone).toBeNull()

    const agreed = await okAs(w.pioneer.openid, disputesFn.agree, { disputeId: id, written: true, terms: '晚上八点后不施工；楼上赔偿墙面修补费300元。', performBy: performBy() })
    expect(agreed.status).toBe('agreed') // the signed paper is still to be photographed
    expect(agreed.agreement!.judicialRemindAt! - Date.now()).toBeGreaterThan(19.9 * DAY)
    const performing = await okAs(w.pioneer.openid, disputesFn.attachAgreement, { disputeId: id, photo: PHOTO })
    expect(performing).toMatchObject({ status: 'performing', agreement: { photo: PHOTO } })
    expect((await okAs(w.pioneer.openid, disputesFn.performance, { disputeId: id, fulfilled: true, note: '已赔偿，已不在晚上施工' })).status).toBe('fulfilled')

    // the 回访 is staff's, and not the mediator's
    expect(await callAs(w.pioneer.openid, disputesFn.followUp, { disputeId: id, satisfied: true })).toMatchObject(refused('FORBIDDEN'))
    const closed = await okAs(w.staff, disputesFn.followUp, { disputeId: id, performed: true, satisfied: true, remaining: '' })
    expect(closed).toMatchObject({ status: 'closed', followUp: { performed: true, satisfied: true }, can: [] })
    expect(closed.timeline.map((e) => e.event)).toEqual(['REPORT', 'ACCEPT', 'START', 'AGREE', 'PERFORM', 'FULFIL', 'FOLLOW_UP'])

    // both parties, with the app, heard of each step in their inbox
    const inbox = await okAs(upstairs, orders.inbox, { limit: 50 })
    expect(inbox.items.filter((n) => n.disputeId === id).length).toBeGreaterThanOrEqual(5)
  })

  it('refuses an order that was not referred as 私事', async () => {
    const resident = await w.person()
    const order = await okAs(resident, orders.create, { category: 'other', description: '想请人帮忙换个灯泡', urgency: 'normal' })
    const r = await callAs(w.staff, disputesFn.takeReferral, { from: 'order', id: order._id, category: 'other', others: [{ name: '对方', side: 'respondent' }] })
    expect(r).toMatchObject(refused('NOT_REFERRED'))
  })
})

describe('a 议题 that is a private quarrel becomes a case', () => {
  it('takes the declined topic over with its raiser as the applicant, once', async () => {
    const [raiser, other] = await Promise.all([w.person(), w.person()])
    const topic = await okAs(raiser, councilFn.raiseTopic, { title: '隔壁空调外机滴水', detail: '隔壁空调外机一直滴水到我家阳台，沟通过没用。' })
    await okAs(w.staff, councilFn.routeTopic, { topicId: topic._id, to: 'decline', reason: '两家之间的事，转调解' })
    const input = { from: 'topic' as const, id: topic._id, category: 'neighbour' as const, others: [{ name: '隔壁', phone: await w.phoneOf(other), side: 'respondent' as const }] }
    const c = await okAs(w.staff, disputesFn.takeReferral, input)
    expect(c).toMatchObject({ status: 'reported', source: 'council', title: '隔壁空调外机滴水' })
    expect(c.parties.map((p) => p.hasApp)).toEqual([true, true]) // as the 网格员 sees it
    expect((await okAs(raiser, disputesFn.dispute, { disputeId: c._id })).role).toBe('party')
    expect((await okAs(w.staff, disputesFn.takeReferral, input))._id).toBe(c._id)
  })

  it('refuses a topic still on its way to a session', async () => {
    const topic = await okAs(await w.person(), councilFn.raiseTopic, { title: '想在楼下装个晾衣架', detail: '楼下空地可以装公共晾衣架。' })
    expect(await callAs(w.staff, disputesFn.takeReferral, { from: 'topic', id: topic._id, category: 'other', others: [{ name: '对方', side: 'respondent' }] })).toMatchObject(refused('NOT_REFERRED'))
  })
})

describe('a 楼栋长 reports for an elder; mediation fails with guidance', () => {
  it('keeps the elder without a phone as a party, lets the 楼栋长 follow it, and tells where to go next', async () => {
    const neighbour = await w.person()
    const reported = await okAs(w.lead, disputesFn.report, {
      category: 'neighbour',
      title: '邻居堆物堵住楼道',
      detail: '对门在楼道堆了很多纸箱，老人进出不方便，也怕着火。',
      onBehalfOf: { name: '孙奶奶', buildingId: w.s.buildingId, room: '101' },
      others: [{ name: '对门住户', phone: await w.phoneOf(neighbour), side: 'respondent', room: '102' }],
    })
    expect(reported).toMatchObject({ status: 'reported', role: 'reporter', reportedBy: '楼栋长 郑楼栋长 代 孙奶奶' })
    // the 楼栋长 sees names only, and not who has the app; the grid's 网格员 sees that
    expect(reported.parties[0]).toMatchObject({ name: '孙奶奶', hasApp: null, phone: null })
    expect((await okAs(w.staff, disputesFn.dispute, { disputeId: reported._id })).parties.map((p) => p.hasApp)).toEqual([false, true])
    const id = reported._id
    await okAs(w.staff, disputesFn.accept, { disputeId: id })
    await okAs(w.staff, disputesFn.mediate, { disputeId: id, mediators: [w.lawyerId], session: { at: soon(), place: '社区调解室（钱律师驻点日）' } })
    // the lawyer has no app: the grid's 网格员 records the outcome for them
    const failed = await okAs(w.staff, disputesFn.fail, { disputeId: id, route: 'department', guidance: '堆物涉及消防安全，已告知可拨打12345或找街道消防站处理。' })
    expect(failed).toMatchObject({ status: 'failed', guidance: { route: 'department' } })
    expect(failed.followUpDueAt).toBeGreaterThan(Date.now() + 2 * DAY)
    const seen = await okAs(w.lead, disputesFn.dispute, { disputeId: id })
    expect(seen.guidance!.guidance).toContain('12345')
    expect(seen.can).toEqual([])
    // the 网格员 recorded the outcome for the lawyer: the 回访 is someone else's
    expect(await callAs(w.staff, disputesFn.followUp, { disputeId: id, satisfied: false })).toMatchObject(refused('MEDIATOR_FOLLOW_UP'))
    const closed = await okAs(w.admin, disputesFn.followUp, { disputeId: id, satisfied: false, remaining: '楼道还没清理' })
    expect(closed.status).toBe('closed')
  })
})

describe('breach, renewed mediation and referral out', () => {
  it('goes back to mediating once, then out of the community', async () => {
    const { id } = await reportedCase(w)
    await okAs(w.staff, disputesFn.accept, { disputeId: id })
    await okAs(w.staff, disputesFn.mediate, { disputeId: id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    // an oral agreement is performed at once
    const oral = await okAs(w.pioneer.openid, disputesFn.agree, { disputeId: id, written: false, terms: '三天内修好防水。', performBy: performBy() })
    expect(oral).toMatchObject({ status: 'performing', agreement: { written: false, judicialRemindAt: null } })
    expect((await okAs(w.staff, disputesFn.performance, { disputeId: id, fulfilled: false, note: '没有修' })).status).toBe('breached')
    const again = await okAs(w.staff, disputesFn.mediate, { disputeId: id, mediators: [w.pioneer.rosterId, w.lawyerId], session: { at: soon(), place: '社区调解室' } })
    expect(again.status).toBe('mediating')
    await okAs(w.pioneer.openid, disputesFn.agree, { disputeId: id, written: false, terms: '一周内请师傅修好。', performBy: performBy() })
    await okAs(w.pioneer.openid, disputesFn.performance, { disputeId: id, fulfilled: false })
    const referred = await okAs(w.staff, disputesFn.refer, { disputeId: id, route: 'lawsuit', guidance: '可向人民法院起诉，社区帮忙联系法律援助。' })
    expect(referred.status).toBe('referred')
    expect((await okAs(w.staff, disputesFn.followUp, { disputeId: id, satisfied: true })).status).toBe('closed')
  })
})

describe('withdrawal and self-dealing', () => {
  it('lets only the reporter withdraw, and only before an agreement', async () => {
    const a = await reportedCase(w)
    expect(await callAs(a.neighbour, disputesFn.withdraw, { disputeId: a.id })).toMatchObject(refused('NOT_REPORTER'))
    expect((await okAs(a.applicant, disputesFn.withdraw, { disputeId: a.id })).status).toBe('withdrawn')
    const b = await reportedCase(w)
    await okAs(w.staff, disputesFn.accept, { disputeId: b.id })
    await okAs(w.staff, disputesFn.mediate, { disputeId: b.id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    await okAs(w.pioneer.openid, disputesFn.agree, { disputeId: b.id, written: false, terms: '修好。', performBy: performBy() })
    expect(await callAs(b.applicant, disputesFn.withdraw, { disputeId: b.id })).toMatchObject(refused('DISPUTE_STATE'))
  })

  it('refuses a 网格员 who is a party, a mediator who is a party, and a party recording the outcome', async () => {
    const applicant = await w.person()
    // the other side is the grid's own 网格员
    const own = await okAs(applicant, disputesFn.report, { category: 'neighbour', title: '和网格员家的纠纷', detail: '两家因为车位吵起来了。', others: [{ name: '吴网格员', phone: await w.phoneOf(w.staff), side: 'respondent' }] })
    expect(await callAs(w.staff, disputesFn.accept, { disputeId: own._id })).toMatchObject(refused('OWN_CASE'))
    expect((await okAs(w.admin, disputesFn.accept, { disputeId: own._id })).status).toBe('accepted')

    const pioneerCase = await okAs(applicant, disputesFn.report, { category: 'neighbour', title: '和许伯家的纠纷', detail: '许伯家的狗夜里叫。', others: [{ name: '许伯', phone: await w.phoneOf(w.pioneer.openid), side: 'respondent' }] })
    await okAs(w.staff, disputesFn.accept, { disputeId: pioneerCase._id })
    const r = await callAs(w.staff, disputesFn.mediate, { disputeId: pioneerCase._id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    expect(r).toMatchObject(refused('PARTY_MEDIATOR'))
    await okAs(w.staff, disputesFn.mediate, { disputeId: pioneerCase._id, mediators: [w.lawyerId], session: { at: soon(), place: '社区调解室' } })
    // the respondent has the app, but a party records nothing: not even as the pioneer they are
    expect(await callAs(w.pioneer.openid, disputesFn.agree, { disputeId: pioneerCase._id, written: false, terms: '狗晚上关屋里。', performBy: performBy() })).toMatchObject(refused('OWN_CASE'))
    expect(await callAs(applicant, disputesFn.fail, { disputeId: pioneerCase._id, route: 'other', guidance: '算了' })).toMatchObject(refused('OWN_CASE'))
  })

  it('refuses a mediator who is not on the roster, and a session in the past', async () => {
    const { id } = await reportedCase(w)
    await okAs(w.staff, disputesFn.accept, { disputeId: id })
    expect(await callAs(w.staff, disputesFn.mediate, { disputeId: id, mediators: ['nobody-here'], session: { at: soon(), place: '调解室' } })).toMatchObject(refused('NOT_A_MEDIATOR'))
    const past = await callAs(w.staff, disputesFn.mediate, { disputeId: id, mediators: [w.pioneer.rosterId], session: { at: Date.now() - 1000, place: '调解室' } })
    expect(past).toMatchObject({ ok: false, error: { code: 'SESSION_IN_PAST', details: [{ path: 'session.at' }] } })
  })
})

describe('what a second pair of eyes found', () => {
  it('links a party by building and room: a 网格员 named without a phone still cannot handle their own case', async () => {
    const me = (await sdkDb().collection('users').doc(w.staff).get()).data as { buildingId: string; room: string }
    const c = await okAs(await w.person(), disputesFn.report, { category: 'neighbour', title: '和楼上的纠纷', detail: '楼上晚上总拖椅子。', others: [{ name: '楼上', side: 'respondent', buildingId: me.buildingId, room: me.room }] })
    expect(await callAs(w.staff, disputesFn.accept, { disputeId: c._id })).toMatchObject(refused('OWN_CASE'))
  })

  it('links by building and room only the person of that name; the rest of the household does not see the case', async () => {
    const [grandson, grandma] = await Promise.all([w.person(['resident'], { name: '吴小孙', room: '901' }), w.person(['resident'], { name: '吴奶奶', room: '902' })])
    const c = await okAs(w.lead, disputesFn.report, {
      category: 'leak',
      title: '楼上漏水',
      detail: '楼上卫生间漏水到厨房。',
      onBehalfOf: { name: '吴奶奶', buildingId: w.s.buildingId, room: '901' },
      others: [{ name: '吴奶奶', side: 'respondent', buildingId: w.s.buildingId, room: '902' }],
    })
    // 吴奶奶 of 901 has no app (the 吴小孙 registered there is not her); the 吴奶奶 of 902 is linked
    expect((await okAs(w.staff, disputesFn.dispute, { disputeId: c._id })).parties.map((p) => p.hasApp)).toEqual([false, true])
    expect(await callAs(grandson, disputesFn.dispute, { disputeId: c._id })).toMatchObject(refused('NOT_FOUND'))
    expect((await okAs(grandma, disputesFn.dispute, { disputeId: c._id })).role).toBe('party')
  })

  it('ends a proxy reporter\'s part with the role they reported in: nothing to see, do or be told', async () => {
    const lead = await w.person(['resident', 'building_lead'], { buildings: [w.s.buildingId], name: '卸任楼栋长' })
    const c = await okAs(lead, disputesFn.report, { category: 'noise', title: '楼上夜里吵', detail: '楼上每晚十二点后还在拖椅子。', onBehalfOf: { name: '钱爷爷', buildingId: w.s.buildingId, room: '303' }, others: [{ name: '楼上住户', side: 'respondent', room: '403' }] })
    expect((await okAs(lead, disputesFn.dispute, { disputeId: c._id })).role).toBe('reporter')
    await sdkDb().collection('users').doc(lead).update({ data: { buildings: [] } })
    expect(await callAs(lead, disputesFn.dispute, { disputeId: c._id })).toMatchObject(refused('NOT_FOUND'))
    expect(await callAs(lead, disputesFn.withdraw, { disputeId: c._id })).toMatchObject(refused('NOT_FOUND'))
    expect((await okAs(lead, disputesFn.disputes, { limit: 50 })).items.map((d) => d._id)).not.toContain(c._id)
    await okAs(w.staff, disputesFn.accept, { disputeId: c._id })
    expect((await noticesOf(c._id)).filter((n) => n.to === lead)).toEqual([])
    // given the building back, they follow it again
    await sdkDb().collection('users').doc(lead).update({ data: { buildings: [w.s.buildingId] } })
    expect((await okAs(lead, disputesFn.dispute, { disputeId: c._id })).role).toBe('reporter')
  })

  it('clears the reminders of a case withdrawn after a breach, and sends nothing for it', async () => {
    const c = await reportedCase(w)
    await okAs(w.staff, disputesFn.accept, { disputeId: c.id })
    await okAs(w.staff, disputesFn.mediate, { disputeId: c.id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    await okAs(w.pioneer.openid, disputesFn.agree, { disputeId: c.id, written: true, terms: '修好。', performBy: performBy(), photo: PHOTO })
    await okAs(w.staff, disputesFn.performance, { disputeId: c.id, fulfilled: false })
    await okAs(w.staff, disputesFn.mediate, { disputeId: c.id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    // back in mediation: a 回访 due time left over would tell the 网格员 of nothing to ask; the timer skips and clears it
    await sdkDb().collection('disputes').doc(c.id).update({ data: { followUpTellAt: Date.now() - 1000 } })
    const before = (await noticesOf(c.id)).length
    await fireTimer('disputes', 'remind')
    expect((await noticesOf(c.id)).length).toBe(before)
    await okAs(c.applicant, disputesFn.withdraw, { disputeId: c.id })
    const raw = (await sdkDb().collection('disputes').doc(c.id).get()).data
    expect(raw).toMatchObject({ status: 'withdrawn', judicialRemindAt: null, followUpTellAt: null, followUpDueAt: null })
  })

  it('refuses a professional mediator whose account does not exist', async () => {
    const r = await callAs(w.admin, disputesFn.saveMediator, { who: { kind: 'professional', profession: 'police', name: '冒名警官', phone: '13600000009', openid: 'nobody-at-all' }, days: '每周一' })
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PERSON', details: [{ path: 'who.openid' }] } })
  })
})

describe('the timer', () => {
  it('reminds of 司法确认 on day 20 and tells the 网格员 the 回访 is due, each once', async () => {
    const c = await reportedCase(w)
    await okAs(w.staff, disputesFn.accept, { disputeId: c.id })
    await okAs(w.staff, disputesFn.mediate, { disputeId: c.id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    await okAs(w.pioneer.openid, disputesFn.agree, { disputeId: c.id, written: true, terms: '修好防水，赔偿500元。', performBy: performBy(), photo: PHOTO })
    const before = (await noticesOf(c.id)).length
    // day 20 and the 回访's day have come
    await sdkDb().collection('disputes').doc(c.id).update({ data: { judicialRemindAt: Date.now() - 1000, followUpTellAt: Date.now() - 1000 } })
    await fireTimer('disputes', 'remind')
    await fireTimer('disputes', 'remind')
    const after = await noticesOf(c.id)
    const judicial = after.filter((n) => n.title.includes('司法确认'))
    expect(judicial.map((n) => n.to).sort()).toEqual([c.applicant, c.neighbour, w.pioneer.openid].sort())
    expect(after.filter((n) => n.title.includes('回访')).map((n) => n.to)).toEqual([w.staff])
    expect(after.length).toBe(before + 4)
  })
})

describe('the figures', () => {
  it('count agreed and failed cases, and cases kept in the community, with nothing of any case', async () => {
    const before = await okAs(w.staff, disputesFn.metrics, {})
    const c = await reportedCase(w)
    await okAs(w.staff, disputesFn.accept, { disputeId: c.id })
    await okAs(w.staff, disputesFn.mediate, { disputeId: c.id, mediators: [w.pioneer.rosterId], session: { at: soon(), place: '社区调解室' } })
    await okAs(w.pioneer.openid, disputesFn.fail, { disputeId: c.id, route: 'arbitration', guidance: '物业合同纠纷可申请仲裁。' })
    await okAs(w.staff, disputesFn.followUp, { disputeId: c.id, satisfied: true })
    const after = await okAs(w.staff, disputesFn.metrics, {})
    expect(after.success.den).toBe(before.success.den + 1)
    expect(after.success.num).toBe(before.success.num)
    expect(after.keptInCommunity.num).toBe(before.keptInCommunity.num + 1)
    expect(JSON.stringify(after)).not.toContain(c.view.title)
  })
})

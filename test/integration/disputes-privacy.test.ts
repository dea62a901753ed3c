/**
 * Nothing of a case reaches anyone outside it: every disputes action and list, called by a resident
 * who is not a party, a volunteer mediator who is not on this case, a 网格员 of another grid, the
 * street admin, and callers of another community — asserted on the returned JSON (no name, phone,
 * title, terms or photo of the case in it), with the case's document unchanged afterwards.
 */
import type { ActionContract } from '../../core/contract/define'
import { disputesFn } from '../../core/disputes/contract'
import { orders } from '../../core/orders/contract'
import { chinaDay } from '../../core/china-time'
import { callAs, okAs, sdkDb } from '../support/call'
import { HP } from '../support/communities'
import { DAY, disputeWorld, soon, type DisputeWorld } from './disputes-support'

let w: DisputeWorld
let caseId: string
let orderId: string
const secrets: string[] = []
const callers: Record<string, string> = {}

beforeAll(async () => {
  w = await disputeWorld()
  const [resident, upstairs] = await Promise.all([w.person([], { name: '冯秘密' }), w.person([], { name: '楚秘密' })])
  // the parties' names and phones (the roster's own phones are staff's working list, not the case's)
  secrets.push('冯秘密', '楚秘密', await w.phoneOf(resident), await w.phoneOf(upstairs))
  const order = await okAs(resident, orders.create, { category: 'other', description: '楼上深夜跺脚吵得睡不着觉', urgency: 'normal' })
  orderId = order._id
  await okAs(w.staff, orders.refer, { orderId, guidance: '转社区调解室' })
  const c = await okAs(w.staff, disputesFn.takeReferral, { from: 'order', id: orderId, category: 'noise', others: [{ name: '楚秘密', phone: secrets[3], side: 'respondent', room: '702' }] })
  caseId = c._id
  await okAs(w.staff, disputesFn.accept, { disputeId: caseId })
  await okAs(w.staff, disputesFn.mediate, { disputeId: caseId, mediators: [w.pioneer.rosterId, w.lawyerId], session: { at: soon(), place: '社区调解室' } })
  await okAs(w.pioneer.openid, disputesFn.agree, { disputeId: caseId, written: true, terms: '赔偿金八百元整', performBy: chinaDay(Date.now() + 5 * DAY), photo: 'cloud://test-env/disputes/secret-paper.jpg' })
  secrets.push('楼上深夜跺脚', '赔偿金八百元整', 'secret-paper.jpg')

  // a second grid of the same community, with its own 网格员
  const db = sdkDb()
  const otherGrid = `${w.s.gridId}-2`
  await db.collection('grids').doc(otherGrid).set({ data: { communityId: w.s.communityId, name: '第二网格', order: 2 } })
  const volunteer = { status: 'approved' as const, skills: ['elder_visit' as const], availableTimes: ['weekday_morning' as const], team: 'silver_pioneer' as const, appliedAt: Date.now(), sortKey: 'y' }
  const otherMediator = await w.person(['resident', 'volunteer'], { volunteer })
  await okAs(w.admin, disputesFn.saveMediator, { who: { kind: 'volunteer', openid: otherMediator }, days: '周末' })
  Object.assign(callers, {
    'a resident who is not a party': await w.person(),
    'a volunteer mediator not on this case': otherMediator,
    'a 网格员 of another grid': await w.person(['resident', 'staff'], { grids: [otherGrid], staffOf: [w.s.communityId] }),
    'the street admin': w.s.admin,
    "another community's 网格员": HP.staff,
    "another community's admin": HP.admin,
  })
})

const session = { at: soon(), place: '调解室' }
/** Each action's input aimed at the case (or, for intake and lists, what such a caller would send). */
const INPUTS: Record<keyof typeof disputesFn, () => object> = {
  report: () => ({ category: 'other', title: '我家的事', detail: '想问问怎么调解。', others: [{ name: '对方', side: 'respondent' }] }),
  takeReferral: () => ({ from: 'order', id: orderId, category: 'noise', others: [{ name: '对方', side: 'respondent' }] }),
  disputes: () => ({ limit: 50 }),
  dispute: () => ({ disputeId: caseId }),
  accept: () => ({ disputeId: caseId }),
  decline: () => ({ disputeId: caseId, route: 'other', guidance: '不受理' }),
  mediate: () => ({ disputeId: caseId, mediators: [w.pioneer.rosterId], session }),
  addSession: () => ({ disputeId: caseId, session }),
  agree: () => ({ disputeId: caseId, written: false, terms: '算了', performBy: chinaDay(Date.now() + DAY) }),
  attachAgreement: () => ({ disputeId: caseId, photo: 'cloud://test-env/disputes/other.jpg' }),
  fail: () => ({ disputeId: caseId, route: 'other', guidance: '算了' }),
  performance: () => ({ disputeId: caseId, fulfilled: true }),
  refer: () => ({ disputeId: caseId, route: 'lawsuit', guidance: '去法院' }),
  followUp: () => ({ disputeId: caseId, satisfied: true }),
  withdraw: () => ({ disputeId: caseId }),
  roster: () => ({}),
  saveMediator: () => ({ who: { kind: 'professional', profession: 'lawyer', name: '冒名律师', phone: '13700000009' }, days: '每天' }),
  metrics: () => ({}),
}
/** Actions that name the case: every caller here must be refused them. */
const ON_CASE = ['dispute', 'accept', 'decline', 'mediate', 'addSession', 'agree', 'attachAgreement', 'fail', 'performance', 'refer', 'followUp', 'withdraw', 'takeReferral']

const raw = async () => (await sdkDb().collection('disputes').doc(caseId).get()).data

describe('a case seen from outside it', () => {
  it('shows every marker to the grid\'s 网格员 (so their absence below means something)', async () => {
    const text = JSON.stringify(await okAs(w.staff, disputesFn.dispute, { disputeId: caseId }))
    expect(secrets.filter((s) => !text.includes(s))).toEqual([])
  })

  it('gives nothing of the case to any caller outside it, through any action', async () => {
    const before = JSON.stringify(await raw())
    const leaks: string[] = []
    const allowedOnCase: string[] = []
    for (const [who, openid] of Object.entries(callers)) {
      for (const action of Object.keys(INPUTS) as (keyof typeof disputesFn)[]) {
        const r = await callAs(openid, disputesFn[action] as ActionContract, INPUTS[action]() as never)
        const text = JSON.stringify(r)
        for (const s of secrets) if (text.includes(s)) leaks.push(`${who} · ${action}: ${s}`)
        if (ON_CASE.includes(action) && r.ok) allowedOnCase.push(`${who} · ${action}`)
      }
    }
    expect(leaks).toEqual([])
    expect(allowedOnCase).toEqual([])
    expect(JSON.stringify(await raw())).toBe(before)
  })

  it('answers a case it may not see exactly as one that does not exist', async () => {
    const outsider = callers['a resident who is not a party']
    const real = await callAs(outsider, disputesFn.dispute, { disputeId: caseId })
    const none = await callAs(outsider, disputesFn.dispute, { disputeId: 'd-no-such-case' })
    expect(real).toEqual(none)
    expect(real).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('lists the case for those on it and for the grid, and for no one else', async () => {
    const listed = async (openid: string) => (await okAs(openid, disputesFn.disputes, { limit: 50 })).items.some((d) => d._id === caseId)
    expect(await listed(w.staff)).toBe(true)
    expect(await listed(w.admin)).toBe(true)
    expect(await listed(w.pioneer.openid)).toBe(true)
    for (const openid of Object.values(callers)) expect(await listed(openid)).toBe(false)
  })
})

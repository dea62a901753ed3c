/**
 * The abuse matrix: every action whose contract says it moves points, gift stock or event seats
 * (`moves`), × every kind of caller, × who would gain — someone in the caller's grid, someone in
 * another grid, a neighbour ordered for by proxy, and the caller themselves. Each cell builds fresh
 * data, calls through the real SDK and checks allowed or refused (a refusal must be a code the
 * contract declares, in plain Chinese) and, where points move, who was paid. The ledger invariants
 * are checked after the whole matrix. A new action that moves value fails the coverage test until
 * it has rows here.
 *
 * The data is 幸福里's. Callers from elsewhere — a volunteer, 网格员 and admin of 和平, the street
 * admin of 幸福街道 (acting in 幸福里) and the street admin of another street — are refused on it
 * (what they may do is in their own community), and for them the balances are exact: nobody of them
 * gains, and neither 幸福里's pool nor 和平's moves. The one way points of 幸福里's pool reach someone
 * of 和平 is the intended one: 和平's volunteer serves a 幸福里 order published to the street pool.
 */
import type { ActionContract } from '../../core/contract/define'
import { COMMON_ERRORS } from '../../core/contract/errors'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { pointsFn } from '../../core/points/contract'
import { ALL_ACTIONS } from '../../core/registry'
import { users } from '../../core/users/contract'
import { wishesFn } from '../../core/wishes/contract'
import { chinaDay } from '../../core/china-time'
import { PERSONAS } from '../../core/demo/personas'
import { freshOpenid, okAs, sdkDb, untilFinal } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { newOrder } from './orders-support'
import { balanceOf, credit, newGift, publishBase, quietCheck, requestId } from './points-support'
import { creditFrom, hepingPeople, HP, otherStreet, otherStreetAdmin, poolShards, streetAdminOfXingfu } from '../support/communities'

const CALLERS = ['guest', 'resident', 'volunteer', 'staffA', 'staffB', 'lead', 'admin', 'admin2', 'volunteerOther', 'staffOther', 'adminOther', 'streetSame', 'streetOther'] as const
type Who = (typeof CALLERS)[number]
/** Callers of another community (和平) or of a street office. */
const ELSEWHERE: readonly Who[] = ['volunteerOther', 'staffOther', 'adminOther', 'streetSame', 'streetOther']
const STAFF_ALL: Who[] = ['staffA', 'staffB', 'admin', 'admin2']
const ADMINS: Who[] = ['admin', 'admin2']
const REGISTERED: Who[] = CALLERS.filter((c) => c !== 'guest' && !ELSEWHERE.includes(c))
/** Where each caller from elsewhere lives (their own pool funds them in setups). */
const HOME: Partial<Record<Who, string>> = { volunteerOther: 'heping', staffOther: 'heping', adminOther: 'heping', streetSame: 'chunhui' }
/** "One's own" for callers that have nothing here (a guest, callers from elsewhere): a grid-A resident's. */
const ownHere = (w: Who, me: string) => (w === 'guest' || ELSEWHERE.includes(w) ? id.resident : me)

interface Cell {
  input: unknown
  /** Whose balance must rise when a paid caller's call is allowed (and stay put otherwise). */
  gains?: string
  /** Call as this person (a fresh one with the column's roles) instead of the column's own. */
  as?: string
  /** The exact points `gains` is paid when paid (else: any rise). */
  amount?: number
}
interface Row {
  action: ActionContract
  case: string
  arrange: (caller: Who, openid: string) => Promise<Cell>
  allow: readonly Who[]
  /** Of the allowed callers, those whose call credits `gains` (default: all of them). */
  paid?: readonly Who[]
}

const id: Record<Who, string> = {} as never
let gridA: Awaited<ReturnType<typeof newGrid>>
let gridB: Awaited<ReturnType<typeof newGrid>>

async function makeVolunteer(openid: string, roles: string[]) {
  await sdkDb()
    .collection('users')
    .doc(openid)
    .update({ data: { roles: [...roles, 'volunteer'], volunteer: { status: 'approved', skills: ['repair_pipe'], availableTimes: ['weekend_morning'], appliedAt: 1 } } })
}

beforeAll(async () => {
  ;[gridA, gridB] = [await newGrid('abuseA'), await newGrid('abuseB')]
  const admin = PERSONAS.admin.openid
  id.guest = freshOpenid('guest')
  id.resident = (await newResident({ buildingId: gridA.buildingId })).openid
  id.volunteer = (await newResident({ buildingId: gridA.buildingId })).openid
  await makeVolunteer(id.volunteer, ['resident'])
  id.staffA = gridA.staff
  id.staffB = gridB.staff
  id.lead = (await newResident({ buildingId: gridA.buildingId })).openid
  await okAs(admin, users.grantRole, { openid: id.lead, role: 'building_lead', buildings: [gridA.buildingId] })
  await makeVolunteer(id.lead, ['resident', 'building_lead'])
  id.admin = admin
  id.admin2 = (await newResident({ buildingId: gridA.buildingId })).openid
  await okAs(admin, users.grantRole, { openid: id.admin2, role: 'admin' })
  id.volunteerOther = await hepingPeople.volunteer()
  id.staffOther = HP.staff
  id.adminOther = HP.admin
  id.streetSame = await streetAdminOfXingfu('xingfuli')
  const other = await otherStreet()
  id.streetOther = other.admin
  HOME.streetOther = other.communityId
})

// ---- fresh data for one cell -------------------------------------------------------------------
const now = () => Date.now()
/** Points for a setup: from 幸福里's pool, or the pool of where a caller from elsewhere lives. */
const fund = (w: Who, openid: string, n: number) => (HOME[w] ? creditFrom(HOME[w]!, [openid], n) : credit([openid], n))
const residentOf = async (grid: typeof gridA) => (await newResident({ buildingId: grid.buildingId })).openid
const running = () => ({ startAt: now() - 60e3, endAt: now() + 6 * 3600e3, deadline: now() + 5 * 3600e3 })
const event = (over: Record<string, unknown> = {}) => okAs(id.admin, eventsFn.publish, { ...publishBase(), ...running(), capacity: 50, points: 5, ...over } as never)
const eventInB = () => event({ audience: { kind: 'grid', gridId: gridB.gridId } })
async function boothEvent(over: Record<string, unknown> = {}) {
  const gift = await newGift({ price: 10, totalStock: 100, perPersonLimit: 5 })
  return { gift, e: await event({ booths: [{ giftId: gift.id, stock: 20 }], ...over }) }
}
/** An event with a booth where `owner` holds a reservation (cancelling the event refunds it). */
async function reservedAt(owner: string, inB = false) {
  const { gift, e } = await boothEvent(inB ? { audience: { kind: 'grid', gridId: gridB.gridId } } : {})
  await credit([owner], 10)
  await okAs(owner, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })
  return e.id
}
async function reservation(owner: string, inB = false) {
  const { gift, e } = await boothEvent(inB ? { audience: { kind: 'grid', gridId: gridB.gridId } } : {})
  await credit([owner], 10)
  return okAs(owner, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })
}
/** An order of `owner` (or placed by them for a neighbour), published by an admin who is not its owner (any grid). */
async function openOrder(owner: string, opts: { proxy?: boolean; publish?: boolean; at?: typeof gridA } = {}) {
  const o = await newOrder(owner, opts.proxy ? { onBehalfOf: { name: '李奶奶', buildingId: (opts.at ?? gridA).buildingId } } : {})
  if (opts.publish !== false) await okAs(owner === id.admin ? id.admin2 : id.admin, orders.publish, { orderId: o._id })
  return o._id
}
/** An order of `owner` published to the street pool (10 points), accepted and reported done by `server` if given. */
async function streetOrder(owner: string, server?: string) {
  const { _id: orderId } = await newOrder(owner)
  await okAs(id.admin, orders.publish, { orderId, points: 10, toStreet: true })
  if (!server) return orderId
  await okAs(server, orders.accept, { orderId })
  await okAs(server, orders.reportDone, { orderId, note: '修好了' })
  return orderId
}
async function doneOrder(owner: string, proxy = false) {
  const orderId = await openOrder(owner, { proxy })
  await okAs(id.volunteer, orders.accept, { orderId })
  await okAs(id.volunteer, orders.reportDone, { orderId, note: '处理好了' })
  return orderId
}
/** A fresh person with the same roles as a column's caller (for actions that use the caller up). */
async function twin(who: Who): Promise<string> {
  if (who === 'guest') return freshOpenid('guest')
  if (who === 'streetSame') return streetAdminOfXingfu('xingfuli')
  if (who === 'streetOther') return otherStreetAdmin()
  if (who === 'volunteerOther' || who === 'staffOther' || who === 'adminOther') return hepingPeople[({ volunteerOther: 'volunteer', staffOther: 'staff', adminOther: 'admin' } as const)[who]]()
  const grid = who === 'staffB' ? gridB : gridA
  const openid = (await newResident({ buildingId: grid.buildingId })).openid
  if (who === 'volunteer') await makeVolunteer(openid, ['resident'])
  if (who === 'staffA' || who === 'staffB') await okAs(id.admin, users.grantRole, { openid, role: 'staff', grids: [grid.gridId] })
  if (who === 'lead') await okAs(id.admin, users.grantRole, { openid, role: 'building_lead', buildings: [grid.buildingId] })
  if (who === 'admin' || who === 'admin2') await okAs(id.admin, users.grantRole, { openid, role: 'admin' })
  return openid
}

/** A fresh approved volunteer living in `grid`. */
async function volunteerOf(grid: typeof gridA) {
  const openid = await residentOf(grid)
  await makeVolunteer(openid, ['resident'])
  return openid
}
/** A wish of grid A (written by one admin, reviewed by the other, unless the donor is one of them) claimed by `donor`: the claim's id. */
async function claimedWish(kind: 'item' | 'service', donor: string) {
  // those who wrote or approved a wish do not claim it: for an admin as donor, grid A's 网格员 writes and the other admin reviews
  const [author, reviewer] = donor === id.admin ? [id.staffA, id.admin2] : donor === id.admin2 ? [id.staffA, id.admin] : [id.admin, id.admin2]
  const d = await okAs(author, wishesFn.saveDraft, {
    kind, title: '想有人辅导数学', detail: '每周一次，在服务站辅导。', ...(kind === 'item' ? { priceCap: 50 } : { category: 'child_tutoring' as const }), occasion: '六一', targetDate: chinaDay(now() + 30 * 86400e3),
    gridId: gridA.gridId, shares: 1, alias: '小林', ageBand: '10-12', grade: '五年级', station: '幸福里党群服务站', ref: { name: '林小小', address: '幸福里', guardian: { name: '林妈妈', phone: '13900001111', relation: '母亲' } },
  })
  await okAs(author, wishesFn.submit, { wishId: d._id })
  await okAs(reviewer, wishesFn.review, { wishId: d._id, approve: true })
  return (await okAs(donor, wishesFn.claim, { wishId: d._id })).mine!.claimId
}

const pending = async (requester: string, target: string) =>
  (await okAs(requester, pointsFn.adjust, { openid: target, delta: 51, reason: '超限补发', requestId: requestId() })).adjustmentId

// ---- the rows ----------------------------------------------------------------------------------
const ROWS: Row[] = [
  // points
  { action: pointsFn.adjust, case: 'credit someone in grid A', allow: ['staffA', ...ADMINS], arrange: async () => { const t = await residentOf(gridA); return { input: { openid: t, delta: 3, reason: '补发积分', requestId: requestId() }, gains: t } } },
  { action: pointsFn.adjust, case: 'credit someone in grid B', allow: ['staffB', ...ADMINS], arrange: async () => { const t = await residentOf(gridB); return { input: { openid: t, delta: 3, reason: '补发积分', requestId: requestId() }, gains: t } } },
  { action: pointsFn.adjust, case: 'credit oneself', allow: [], arrange: async (_w, me) => ({ input: { openid: me, delta: 3, reason: '补发积分', requestId: requestId() }, gains: me }) },
  { action: pointsFn.approveAdjustment, case: 'a request by grid A\'s 网格员', allow: ADMINS, arrange: async () => { const t = await residentOf(gridA); return { input: { id: await pending(id.staffA, t) }, gains: t } } },
  { action: pointsFn.approveAdjustment, case: 'one\'s own request', allow: [], arrange: async (w, me) => { const t = await residentOf(gridA); return { input: { id: await pending(STAFF_ALL.includes(w) && w !== 'staffB' ? me : id.staffA, t) }, gains: t } } },
  { action: pointsFn.approveAdjustment, case: 'a request crediting oneself', allow: [], arrange: async (w, me) => ({ input: { id: await pending(w === 'admin' ? id.admin2 : id.admin, ownHere(w, me)) }, gains: ownHere(w, me) }) },
  { action: pointsFn.redeem, case: 'with one\'s own points at a community booth', allow: REGISTERED, arrange: async (w, me) => { const { gift, e } = await boothEvent(); await fund(w, me, 10); return { input: { eventId: e.id, giftId: gift.id, requestId: requestId() } } } },
  { action: pointsFn.verify, case: 'a resident\'s reservation at a community booth', allow: STAFF_ALL, arrange: async () => ({ input: { code: (await reservation(await residentOf(gridA))).code } }) },
  { action: pointsFn.verify, case: 'one\'s own reservation', allow: [], arrange: async (w, me) => ({ input: { code: (await reservation(ownHere(w, me))).code } }) },
  { action: pointsFn.verify, case: 'a reservation at a grid-B booth', allow: ['staffB', ...ADMINS], arrange: async () => ({ input: { code: (await reservation(await residentOf(gridB), true)).code } }) },
  { action: pointsFn.cancelRedemption, case: 'a resident\'s reservation (refund)', allow: ADMINS, arrange: async () => { const o = await residentOf(gridA); return { input: { code: (await reservation(o)).code, reason: '居民不要了' }, gains: o } } },
  { action: pointsFn.cancelRedemption, case: 'one\'s own reservation (refund)', allow: REGISTERED, arrange: async (w, me) => { const o = ownHere(w, me); return { input: { code: (await reservation(o)).code }, gains: o } } },
  { action: pointsFn.cancelRedemption, case: 'a reservation at a grid-B booth', allow: ADMINS, arrange: async () => { const o = await residentOf(gridB); return { input: { code: (await reservation(o, true)).code, reason: '居民不要了' }, gains: o } } },
  { action: pointsFn.upsertGift, case: 'add gift stock (a new gift where one acts)', allow: [...ADMINS, 'adminOther'], arrange: async () => ({ input: { name: '毛巾', price: 5, totalStock: 10, activeFrom: now(), activeTo: now() + 86400e3 } }) },
  // events
  { action: eventsFn.cancelEvent, case: 'a community event (refunds a resident\'s reservation)', allow: STAFF_ALL, arrange: async () => { const o = await residentOf(gridA); return { input: { eventId: await reservedAt(o), reason: '下雨，改期' }, gains: o } } },
  { action: eventsFn.cancelEvent, case: 'a grid-B event (refunds a grid-B reservation)', allow: ['staffB', ...ADMINS], arrange: async () => { const o = await residentOf(gridB); return { input: { eventId: await reservedAt(o, true), reason: '下雨，改期' }, gains: o } } },
  { action: eventsFn.publish, case: 'for the whole community (where one acts)', allow: [...STAFF_ALL, 'staffOther', 'adminOther'], arrange: async () => ({ input: { ...publishBase(), points: 5 } }) },
  // an admin elsewhere may name 幸福里's grid B as the audience of their own community's event: nobody of 幸福里 sees it
  { action: eventsFn.publish, case: 'for grid B', allow: ['staffB', ...ADMINS, 'adminOther'], arrange: async () => ({ input: { ...publishBase(), audience: { kind: 'grid', gridId: gridB.gridId } } }) },
  { action: eventsFn.publish, case: 'with 200 attendance points (40× the rule)', allow: [...ADMINS, 'adminOther'], arrange: async () => ({ input: { ...publishBase(), points: 200 } }) },
  { action: eventsFn.addBooth, case: 'to a community event', allow: STAFF_ALL, arrange: async () => { const gift = await newGift({ totalStock: 100 }); return { input: { eventId: (await event()).id, giftId: gift.id, stock: 1 } } } },
  { action: eventsFn.addBooth, case: 'to a grid-B event', allow: ['staffB', ...ADMINS], arrange: async () => { const gift = await newGift({ totalStock: 100 }); return { input: { eventId: (await eventInB()).id, giftId: gift.id, stock: 1 } } } },
  { action: eventsFn.signUp, case: 'a community event, for oneself', allow: REGISTERED, arrange: async () => ({ input: { eventId: (await event()).id } }) },
  { action: eventsFn.signUp, case: 'a grid-B event, for oneself', allow: ['staffB'], arrange: async () => ({ input: { eventId: (await eventInB()).id } }) },
  { action: eventsFn.cancel, case: 'one\'s own sign-up', allow: REGISTERED, arrange: async (_w, me) => { const e = await event(); await untilFinal(me, eventsFn.signUp, { eventId: e.id }); return { input: { eventId: e.id } } } },
  {
    action: eventsFn.checkIn,
    case: 'oneself, signed up, with the event\'s code',
    allow: REGISTERED,
    paid: ['resident', 'volunteer', 'lead'], // staff and admins run community events: attendance without points
    arrange: async (_w, me) => {
      const e = await event()
      await untilFinal(me, eventsFn.signUp, { eventId: e.id })
      return { input: { eventId: e.id, code: (await okAs(id.admin, eventsFn.checkinCode, { eventId: e.id })).code }, gains: me }
    },
  },
  {
    action: eventsFn.staffCheckIn,
    case: 'scan a grid-A resident\'s code',
    allow: STAFF_ALL,
    arrange: async () => {
      const [e, t] = await Promise.all([event(), residentOf(gridA)])
      await okAs(t, eventsFn.signUp, { eventId: e.id })
      return { input: { eventId: e.id, code: (await okAs(t, eventsFn.myCode, { eventId: e.id })).code }, gains: t }
    },
  },
  { action: eventsFn.staffCheckIn, case: 'walk in a grid-A resident', allow: STAFF_ALL, arrange: async () => { const [e, t] = await Promise.all([event(), residentOf(gridA)]); return { input: { eventId: e.id, openid: t, walkIn: true }, gains: t } } },
  { action: eventsFn.staffCheckIn, case: 'walk in oneself', allow: [], arrange: async (_w, me) => ({ input: { eventId: (await event()).id, openid: me, walkIn: true }, gains: me }) },
  { action: eventsFn.staffCheckIn, case: 'walk in a grid-B resident at a grid-B event', allow: ['staffB', ...ADMINS], arrange: async () => { const [e, t] = await Promise.all([eventInB(), residentOf(gridB)]); return { input: { eventId: e.id, openid: t, walkIn: true }, gains: t } } },
  // orders
  { action: orders.accept, case: 'a neighbour\'s open order', allow: ['volunteer', 'lead'], arrange: async () => ({ input: { orderId: await openOrder(await residentOf(gridA)) } }) },
  { action: orders.accept, case: 'one\'s own order', allow: [], arrange: async (w, me) => ({ input: { orderId: await openOrder(ownHere(w, me)) } }) },
  { action: orders.accept, case: 'an order the 楼栋长 placed by proxy', allow: ['volunteer'], arrange: async () => ({ input: { orderId: await openOrder(id.lead, { proxy: true }) } }) },
  { action: orders.publish, case: 'a grid-A order with points', allow: ['staffA', ...ADMINS], arrange: async () => ({ input: { orderId: await openOrder(await residentOf(gridA), { publish: false }), points: 10 } }) },
  { action: orders.publish, case: 'an order one placed for a neighbour', allow: [], arrange: async (w, me) => ({ input: { orderId: await openOrder(STAFF_ALL.includes(w) ? me : id.lead, { proxy: true, publish: false, at: w === 'staffB' ? gridB : gridA }), points: 10 } }) },
  { action: orders.publish, case: 'a grid-B order with points', allow: ['staffB', ...ADMINS], arrange: async () => ({ input: { orderId: await openOrder(await residentOf(gridB), { publish: false }), points: 10 } }) },
  { action: orders.assign, case: 'a grid-A order to a volunteer', allow: ['staffA', ...ADMINS], arrange: async () => ({ input: { orderId: await openOrder(await residentOf(gridA), { publish: false }), volunteerId: id.volunteer } }) },
  { action: orders.assign, case: 'an order to the volunteer who placed it', allow: [], arrange: async () => ({ input: { orderId: await openOrder(id.volunteer, { publish: false }), volunteerId: id.volunteer } }) },
  // elsewhere: 和平's volunteer, and a street admin (not a work role that blocks it), delete their own, with nothing of 幸福里's pool
  { action: users.deleteAccount, case: 'one\'s own account (the rest of one\'s points to the pool)', allow: ['resident', 'volunteer', 'volunteerOther', 'streetSame', 'streetOther'], arrange: async (w) => { const as = await twin(w); if (!ELSEWHERE.includes(w)) await credit([as], 7); return { input: { confirm: true }, as } } },
  { action: orders.confirm, case: 'a resident\'s done order (pays the volunteer)', allow: ['resident'], arrange: async () => ({ input: { orderId: await doneOrder(id.resident) }, gains: id.volunteer }) },
  { action: orders.confirm, case: 'a proxy order of the 楼栋长 (pays the volunteer)', allow: ['lead'], arrange: async () => ({ input: { orderId: await doneOrder(id.lead, true) }, gains: id.volunteer }) },
  // the street pool: volunteers of every community of the street may take it; the points come from 幸福里's pool
  { action: orders.accept, case: 'a grid-A order published to the street pool', allow: ['volunteer', 'lead', 'volunteerOther'], arrange: async () => ({ input: { orderId: await streetOrder(id.resident) } }) },
  // 微心愿: receiving a claim at the station pays nobody; a service wish's order pays only through the order rows above
  { action: wishesFn.receive, case: 'a volunteer\'s claim on a grid-A service wish (makes a service order, pays nothing)', allow: ['staffA', ...ADMINS], paid: [], arrange: async () => { const v = await volunteerOf(gridA); return { input: { claimId: await claimedWish('service', v) }, gains: v } } },
  { action: wishesFn.receive, case: 'a volunteer\'s claim on a grid-A item wish (goods earn nothing)', allow: ['staffA', ...ADMINS], paid: [], arrange: async () => { const v = await volunteerOf(gridA); return { input: { claimId: await claimedWish('item', v) }, gains: v } } },
  { action: wishesFn.receive, case: 'one\'s own claim on a grid-A service wish', allow: [], arrange: async (w, me) => { const donor = REGISTERED.includes(w) ? me : await volunteerOf(gridA); return { input: { claimId: await claimedWish('service', donor) }, gains: donor } } },
  { action: orders.confirm, case: 'a street-pool order 和平\'s volunteer served (pays them from 幸福里\'s pool)', allow: ['resident'], arrange: async () => ({ input: { orderId: await streetOrder(id.resident, id.volunteerOther) }, gains: id.volunteerOther, amount: 10 }) },
]

const REFUSED = new Set(['NOT_REGISTERED', 'FORBIDDEN', 'NOT_FOUND', 'OTHER_COMMUNITY'])
const declared = (c: ActionContract, code: string) => REFUSED.has(code) || (c.errors ?? []).includes(code)

test('every action that moves points, stock or seats has rows in the matrix', () => {
  const movers = ALL_ACTIONS.filter((c) => c.moves?.length).map((c) => `${c.fn}.${c.action}`)
  const covered = new Set(ROWS.map((r) => `${r.action.fn}.${r.action.action}`))
  expect(movers.filter((m) => !covered.has(m))).toEqual([])
  expect(movers.length).toBeGreaterThanOrEqual(16)
})

const cells = ROWS.flatMap((row) => CALLERS.map((who) => [`${row.action.fn}.${row.action.action} · ${row.case} · by ${who}`, row, who] as const))

describe(`abuse matrix (${ROWS.length} rows × ${CALLERS.length} callers)`, () => {
  test.each(cells)('%s', async (_name, row, who) => {
    const cell = await row.arrange(who, id[who])
    const caller = cell.as ?? id[who]
    const exact = ELSEWHERE.includes(who) || cell.amount !== undefined
    const measure = () => Promise.all([cell.gains ? balanceOf(cell.gains) : 0, balanceOf(caller), poolShards('xingfuli'), poolShards('heping')])
    const [before, ...exactBefore] = await measure()
    const r = await untilFinal(caller, row.action, cell.input)
    const allowed = row.allow.includes(who)
    if (allowed) {
      if (!r.ok) throw new Error(`expected allowed, got ${r.error.code} ${r.error.message}`)
    } else {
      if (r.ok) throw new Error(`expected refused, got ok ${JSON.stringify(r.data).slice(0, 200)}`)
      if (!declared(row.action, r.error.code)) throw new Error(`refused with ${r.error.code}, which the contract does not declare`)
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(r.error.message).not.toBe(COMMON_ERRORS.INTERNAL)
    }
    const paid = !!cell.gains && allowed && (row.paid ?? row.allow).includes(who)
    const [after, ...exactAfter] = await measure()
    if (cell.gains && cell.amount === undefined) expect({ paid: after > before }).toEqual({ paid })
    if (exact) {
      // the gainer, the caller, 幸福里's pool, 和平's pool: exactly what the intended path moves, else nothing
      const n = paid ? (cell.amount ?? NaN) : 0
      const callerGain = caller === cell.gains ? n : 0
      expect({ gains: after - before, caller: exactAfter[0] - exactBefore[0], xingfuliPool: exactAfter[1] - exactBefore[1], hepingPool: exactAfter[2] - exactBefore[2] }).toEqual({ gains: n, caller: callerGain, xingfuliPool: 0 - n, hepingPool: 0 })
    }
  })
})

test('after the whole matrix the ledger holds: every balance is its movements, nobody below zero', async () => {
  expect((await quietCheck()).violations).toEqual([])
})

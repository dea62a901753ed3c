/**
 * Isolation between communities, for every registered action: callers of 和平社区 (B) — its 网格员,
 * admin, a volunteer and a resident — and the 街道管理员 of another street, against fresh data of
 * 幸福里社区 (A) made by A's own people; and the 街道管理员 of 幸福街道 acting in A, who reads A
 * (phones masked) and changes nothing but the answer to a 大事 sent up to the street.
 *
 * One row per action and case: how its input is built against A's data, and the outcome for the
 * callers past the role gate (the others must get FORBIDDEN): a refusal code, `empty` (answered
 * with nothing of A), or `ok` (allowed by design, said why). Every cell also checks that the
 * watched documents of A are unchanged (snapshots through the SDK), that no whole phone number of
 * A reaches B, and that a count does not move when A gets more of what it counts
 * (test/support/isolation.ts). A new action fails the classification test until it has a row.
 */
import type { ActionContract } from '../../core/contract/define'
import { community } from '../../core/community/contract'
import { DEFAULT_SLA } from '../../core/orders/sla'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { kpisFn } from '../../core/kpis/contract'
import { councilFn } from '../../core/council/contract'
import { disputesFn } from '../../core/disputes/contract'
import { chinaMonth } from '../../core/china-time'
import { orderNo } from '../../core/orders/keys'
import { pointsFn } from '../../core/points/contract'
import * as COLLECTIONS from '../../core/collections'
import { ALL_ACTIONS } from '../../core/registry'
import { users } from '../../core/users/contract'
import { PERSONAS } from '../../core/demo/personas'
import { sdkDb } from '../support/call'
import { WISH_ROWS } from '../support/isolation-wishes'
import { HP } from '../support/communities'
import { eventRefs, expected, makeA, makeCallers, orderRefs, outcomeOf, person, twinOf, userRefs, WHO, type AWorld, type Cell, type Row, type Who } from '../support/isolation'
import { okAs } from './orders-support'
import { publishBase, requestId } from './points-support'

const name = (c: ActionContract) => `${c.fn}.${c.action}`
const WORKS: Who[] = ['hpStaff', 'hpAdmin', 'streetOther']
/** An order of A: its staff and the other street's admin are told it is elsewhere; others are not told it exists; A's street office may look, not touch. */
const orderRefusal = (w: Who) => (w === 'streetSame' ? 'FORBIDDEN' : WORKS.includes(w) ? 'OTHER_COMMUNITY' : 'NOT_FOUND')
const but = (outs: Partial<Record<Who, string>>, otherwise: string) => (w: Who) => outs[w] ?? otherwise
const lists = { limit: 50 }
const LAST_MONTH = chinaMonth(Date.now(), -1).key
const items = (d: { items: unknown[] }) => d.items.length

type State = keyof AWorld['make']
/** A row on a fresh order of A's resident in `state`. */
const onOrder = (action: ActionContract, state: State, input: (orderId: string) => object, out: Row['out'] = orderRefusal, extra: Partial<Row> = {}): Row => ({
  action, case: `A's ${state} order`, kind: 'change', out, ...extra,
  arrange: async (a) => { const id = await a.make[state](); return { input: input(id), watch: orderRefs(id) } },
})
/** A row on A's event (its registrations, seats, booth slots, redemptions, gift). */
const onEvent = (action: ActionContract, input: (a: AWorld) => object | Promise<object>, out: Row['out'], kase = 'A\'s event', extra: Partial<Row> = {}): Row => ({
  action, case: kase, kind: 'change', out, ...extra, arrange: async (a) => ({ input: await input(a), watch: eventRefs(a) }),
})
const self = (action: ActionContract, input: Cell['input'], out: Row['out'] = 'empty', extra: Partial<Row> = {}): Row => ({ action, case: 'one\'s own (names nothing of A)', kind: 'self', out, arrange: () => ({ input }), ...extra })
const list = (action: ActionContract, input: object, out: Row['out'] = 'empty', extra: Partial<Row> = {}): Row => ({ action, case: `list ${JSON.stringify(input)}`, kind: 'list', out, arrange: () => ({ input }), ...extra })
const redemptionOfA = async (a: AWorld) => (await okAs(a.res.openid, pointsFn.redeem, { eventId: a.event.id, giftId: a.gift.id, requestId: requestId() })).code
const pendingOfA = async (a: AWorld) => (await okAs(PERSONAS.staffZhang.openid, pointsFn.adjust, { openid: a.res.openid, delta: 400, reason: '超限补发', requestId: requestId() })).adjustmentId
const ownProfile = async (_w: Who, openid: string) => {
  const u = (await sdkDb().collection('users').doc(openid).get()).data
  return { name: u.name, phone: u.phone, buildingId: u.buildingId, unitId: u.unitId }
}
const SERIES = { title: '逢四议事', kind: 'decide' as const, rule: { kind: 'weekly' as const, weekdays: [4 as const] }, startTime: '09:30', minutes: 90, place: '巷口说事点', host: '张网格员', capacity: 5, cutoffHours: 24, holidays: 'skip' as const, active: false }
const TOPIC = { title: '楼道灯晚上不亮', detail: '楼道灯坏了，老人晚上看不清台阶。' }
/**
 * A case A's resident reports (its title carries their name, a marker the matrix looks for). The
 * matrix needs more of them than a day's limit allows one person: their day's count is cleared first.
 */
const caseOfA = async (a: AWorld) => {
  await sdkDb().collection(COLLECTIONS.DISPUTE_REPORTERS).where({ openid: a.res.openid }).remove()
  return okAs(a.res.openid, disputesFn.report, { category: 'leak', title: `${a.res.name}家漏水`, detail: '楼上卫生间漏水到我家。', others: [{ name: '楼上住户', side: 'respondent' }] })
}
/** A row on a fresh case of A: nobody outside it is told it exists. */
const onCase = (action: ActionContract, input: (disputeId: string) => object, kind: Row['kind'] = 'change'): Row => ({
  action, case: 'A\'s dispute', kind, out: 'NOT_FOUND',
  arrange: async (a) => { const d = await caseOfA(a); return { input: input(d._id), watch: [[COLLECTIONS.DISPUTES, d._id], [COLLECTIONS.DISPUTE_NOTICES, { disputeId: d._id }]] } },
})
const SESSION = { at: Date.now() + 7 * 86_400_000, place: '调解室' }
/** A topic of A raised by A's resident (its "raised by" names them). */
const topicOfA = (a: AWorld) => okAs(a.res.openid, councilFn.raiseTopic, TOPIC)
/** A's evaluation, open (opened by A's admin, once). */
const evaluationOfA = async () => {
  const open = await okAs(PERSONAS.admin.openid, councilFn.evaluation, {})
  return open?.status === 'open' ? open : okAs(PERSONAS.admin.openid, councilFn.openEvaluation, {})
}
const seriesOfA = (a: AWorld) => okAs(PERSONAS.admin.openid, councilFn.saveSeries, { ...SERIES, title: `${a.res.name}楼下说事点` })
/** Settings: an admin of B may not set the street's; a street admin may not set a community's own. */
const settingsInput = (values: object) => (w: Who) => (w === 'hpAdmin' ? { ...values, level: 'street' } : values)
const rules = { categoryPoints: {}, attendancePoints: 5, dailyCap: null }
const byStreetOffice = (a: AWorld) => a.streetMarkers
/** A's street office, reading A, finds the order searched for (the search itself works). */
const foundIn = (which: keyof AWorld['shown']) => (d: { items: { _id: string }[] }, a: AWorld, w: Who) =>
  w === 'streetSame' && !d.items.some((i) => i._id === a.shown[which]) ? `A's ${which} order not found` : null
const noOneOfA = (d: { items: { by: string }[] }, a: AWorld) => {
  const ofA = new Set([PERSONAS.staffZhang.openid, PERSONAS.admin.openid, ...a.people.map((p) => p.openid)])
  return d.items.some((i) => ofA.has(i.by)) ? 'shows A\'s trail' : null
}

const ROWS: Row[] = [
  // users
  self(users.me, {}),
  { action: users.actIn, case: 'act in A', kind: 'change', arrange: () => ({ input: { communityId: 'xingfuli' } }), out: but({ streetSame: 'ok' }, 'NOT_YOUR_COMMUNITY') }, // the street office reads A by acting there
  self(users.updateProfile, ownProfile),
  self(users.applyVolunteer, { skills: ['other'], availableTimes: ['weekend_morning'] }, but({ hpVolunteer: 'ALREADY_VOLUNTEER' }, 'empty'), { twin: true }),
  list(users.listVolunteerApplications, lists, 'empty', { kind: 'count', count: { of: (d: { total: number }) => d.total, bump: async () => okAs((await person('iso-v', 'b1')).openid, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekend_morning'] }) } }),
  { action: users.reviewVolunteer, case: 'A\'s applicant', kind: 'change', arrange: (a) => ({ input: { openid: a.applicant.openid, decision: 'approve' }, watch: userRefs(a.applicant.openid) }), out: 'OTHER_COMMUNITY' },
  {
    action: users.grantRole, case: 'a 楼栋长 of A\'s building (a street admin: 街道管理员)', kind: 'change', fresh: true,
    arrange: async () => { const t = (await person('iso-g', 'b3')).openid; return { input: (w: Who) => (w.startsWith('street') ? { openid: t, role: 'street_admin' } : { openid: t, role: 'building_lead', buildings: ['b3'] }), watch: userRefs(t) } },
    out: but({ streetSame: 'ok', streetOther: 'OTHER_COMMUNITY' }, 'UNKNOWN_BUILDING'), // a street admin appoints street admins of their street (by design)
  },
  {
    action: users.grantRole, case: 'make A\'s resident an admin', kind: 'change', fresh: true,
    arrange: async () => { const t = (await person('iso-g', 'b1')).openid; return { input: { openid: t, role: 'admin' }, watch: userRefs(t) } },
    out: but({ hpAdmin: 'ok' }, 'FORBIDDEN'), // an admin appoints admins from the street (by design): of B, not of A
    check: (d: { scopes: { adminOf: string[] } }) => (d.scopes.adminOf.join() === 'heping' ? null : `admin of ${d.scopes.adminOf}`),
  },
  {
    action: users.revokeRole, case: 'A\'s 网格员\'s staff role', kind: 'change',
    arrange: async (a) => ({ input: { openid: a.grid.staff, role: 'staff' }, watch: userRefs(a.grid.staff) }),
    out: but({ hpAdmin: 'ok', streetOther: 'OTHER_COMMUNITY' }, 'FORBIDDEN'), // B's admin revokes what is B's: A's 网格员 stays one (only updatedAt moves)
    check: (d: { roles: string[]; scopes: { staffOf: string[] } }) => (d.roles.includes('staff') && d.scopes.staffOf.join() === 'xingfuli' ? null : 'A\'s 网格员 lost the role'),
  },
  { action: users.revokeRole, case: 'A\'s 楼栋长', kind: 'change', arrange: (a) => ({ input: { openid: a.lead.openid, role: 'building_lead' }, watch: userRefs(a.lead.openid) }), out: but({ streetSame: 'FORBIDDEN' }, 'OTHER_COMMUNITY') },
  list(users.listUsers, lists, 'empty', { kind: 'count', count: { of: (d: { total: number }) => d.total, bump: () => person('iso-n', 'b1') } }),
  self(users.home, {}, 'empty', { kind: 'count', count: { of: (d: { unread: number }) => d.unread, bump: (a) => a.make.accepted() } }),
  self(users.myData, {}),
  // a street admin is not held back by a work role (only 网格员, 楼栋长 and admins are)
  self(users.deleteAccount, { confirm: true }, but({ hpStaff: 'HAS_WORK_ROLE', hpAdmin: 'HAS_WORK_ROLE', movedLead: 'HAS_WORK_ROLE' }, 'empty'), { twin: true }),
  self(users.bootstrapAdmin, { code: 'not-the-code' }, 'INVITE_INVALID'),
  // community
  { action: community.streets, case: 'the streets and their communities', kind: 'public', arrange: () => ({ input: {} }), out: 'ok' }, // the address picker (by design)
  { action: community.structure, case: 'A\'s grids and buildings', kind: 'public', arrange: () => ({ input: { communityId: 'xingfuli' } }), out: 'ok' }, // the address picker (by design)
  { action: community.upsertGrid, case: 'A\'s grid', kind: 'change', arrange: (a) => ({ input: { id: a.grid.gridId, name: '改名网格' }, watch: [['grids', a.grid.gridId]] }), out: 'OTHER_COMMUNITY' },
  { action: community.upsertBuilding, case: 'A\'s building', kind: 'change', arrange: (a) => ({ input: { id: a.grid.buildingId, gridId: a.grid.gridId, name: '改名楼', unitCount: 3 }, watch: [['buildings', a.grid.buildingId]] }), out: 'OTHER_COMMUNITY' },
  // B's admin sets B's own phone (the number it already has): A's community document stays as it was
  { action: community.setPhone, case: 'the phone of the community one acts in', kind: 'settings', arrange: () => ({ input: { phone: '021-55550202' }, watch: [['community', 'xingfuli']] }), out: but({ hpAdmin: 'ok' }, 'FORBIDDEN') },
  // orders
  { action: orders.create, case: 'for an address in A', kind: 'change', arrange: () => { const description = `隔离测试${requestId()}`; return { input: { category: 'other', description, buildingId: 'b1', unitId: 'b1-1' }, watch: [['orders', { description }]] } }, out: 'OTHER_COMMUNITY' },
  onOrder(orders.get, 'accepted', (orderId) => ({ orderId }), but({ streetSame: 'ok' }, 'NOT_FOUND'), { kind: 'read', check: (d: { contactPhone: string }) => (d.contactPhone.includes('*') ? null : 'phone not masked') }),
  self(orders.mine, lists),
  onOrder(orders.cancel, 'submitted', (orderId) => ({ orderId })),
  onOrder(orders.confirm, 'done', (orderId) => ({ orderId, stars: 5 })),
  onOrder(orders.rate, 'confirmed', (orderId) => ({ orderId, stars: 4 })),
  onOrder(orders.reopen, 'confirmed', (orderId) => ({ orderId, reason: '没修好' })),
  onOrder(orders.answerCheck, 'done', (orderId) => ({ orderId, answer: 'not' })), // 没解决: the grid's staff are looked up first, nothing told
  list(orders.triageQueue, lists, but({ streetSame: 'ok' }, 'empty')), // the street office reads A's queue (phones masked)
  list(orders.triageQueue, { ...lists, gridId: 'g1' }, but({ streetSame: 'ok', hpStaff: 'FORBIDDEN' }, 'empty')),
  list(orders.staffOrders, { ...lists, stage: 'all' }, but({ streetSame: 'ok' }, 'empty')), // the street office reads A's orders (phones masked)
  list(orders.staffOrders, { ...lists, stage: 'all', gridId: 'g1' }, but({ streetSame: 'ok', hpStaff: 'FORBIDDEN' }, 'empty')),
  list(orders.staffOrders, { ...lists, buildingId: 'b1' }, but({ streetSame: 'ok' }, 'empty')),
  { ...list(orders.staffOrders, {}), case: 'search by the name of A\'s resident', arrange: (a) => ({ input: { ...lists, q: a.res.name } }), out: but({ streetSame: 'ok' }, 'empty'), check: foundIn('open') },
  { ...list(orders.staffOrders, {}), case: 'search by the 单号 of A\'s order', arrange: (a) => ({ input: { ...lists, q: orderNo(a.shown.open) } }), out: but({ streetSame: 'ok' }, 'empty'), check: foundIn('open') },
  onOrder(orders.publish, 'submitted', (orderId) => ({ orderId, points: 10, toStreet: true })),
  onOrder(orders.assign, 'submitted', (orderId) => ({ orderId, volunteerId: HP.volunteer, points: 10 })),
  onOrder(orders.escalate, 'submitted', (orderId) => ({ orderId, department: '街道', note: '上报', toStreet: true })),
  list(orders.streetQueue, { ...lists, communityId: 'xingfuli' }, but({ streetSame: 'ok' }, 'empty'), { check: (d: { items: { _id: string }[] }, a, w) => (w === 'streetSame' && !d.items.some((i) => i._id === a.shown.toStreet) ? 'the 大事 sent up is missing' : null) }),
  { ...onOrder(orders.streetReply, 'submitted', () => ({})), case: 'a 大事 A sent up to the street', fresh: true, arrange: async (a) => { const id = await a.street.escalated(true); return { input: { orderId: id, note: '街道已协调' }, watch: orderRefs(id) } }, out: but({ streetSame: 'ok' }, 'OTHER_COMMUNITY') }, // the street office's answer (by design)
  onOrder(orders.followUp, 'escalated', (orderId) => ({ orderId, note: '跟进' })),
  onOrder(orders.close, 'escalated', (orderId) => ({ orderId, note: '办结' })),
  onOrder(orders.refer, 'submitted', (orderId) => ({ orderId, guidance: '找律师' })),
  onOrder(orders.reject, 'submitted', (orderId) => ({ orderId, reason: '重复' })),
  onOrder(orders.reassign, 'accepted', (orderId) => ({ orderId, volunteerId: HP.volunteer, reason: '换人' })),
  list(orders.pool, { ...lists, gridId: 'g1' }, 'empty', { shows: byStreetOffice }), // A's street-pool order may show (by design), its community-pool ones not
  onOrder(orders.accept, 'open', (orderId) => ({ orderId })),
  { ...onOrder(orders.accept, 'streetPool', () => ({})), case: 'A\'s order in the street pool', fresh: true, arrange: async (a) => { const id = await a.street.streetPool(); return { input: { orderId: id }, watch: orderRefs(id) } }, out: 'ok' }, // the street pool (by design)
  onOrder(orders.start, 'accepted', (orderId) => ({ orderId })),
  onOrder(orders.reportDone, 'accepted', (orderId) => ({ orderId, note: '好了' })),
  onOrder(orders.release, 'accepted', (orderId) => ({ orderId, reason: '有事' })),
  self(orders.tasks, lists, 'empty', { shows: byStreetOffice }), // what a volunteer of B took from the street pool
  self(orders.inbox, lists, 'empty', { kind: 'count', count: { of: (d: { unread: number }) => d.unread, bump: (a) => a.make.accepted() } }),
  { action: orders.markRead, case: 'A\'s notices by id', kind: 'change', arrange: (a) => ({ input: { ids: a.notices }, watch: [['notices', { to: a.res.openid }]] }), out: 'empty' },
  { action: orders.sla, case: 'the SLA where one acts', kind: 'settings', arrange: () => ({ input: {} }), out: 'empty' },
  { action: orders.setSla, case: 'A\'s SLA or the street\'s', kind: 'settings', arrange: () => ({ input: settingsInput({ byUrgency: DEFAULT_SLA.byUrgency }), watch: [['settings', 'orders_sla:xingfuli'], ['settings', 'orders_sla:street:xingfu']] }), out: 'FORBIDDEN' },
  onOrder(orders.tick, 'due', () => ({}), 'empty', { kind: 'change', case: 'A\'s order past its deadline' }), // a manual tick ticks the caller's community only
  // points
  self(pointsFn.balance, {}),
  self(pointsFn.statement, lists),
  { action: pointsFn.adjust, case: 'credit A\'s resident', kind: 'change', arrange: (a) => ({ input: { openid: a.res.openid, delta: 5, reason: '补发积分', requestId: requestId() }, watch: [['points_adjustments', { target: a.res.openid }]] }), out: 'OTHER_COMMUNITY' },
  list(pointsFn.adjustments, { ...lists, status: 'all' }),
  { action: pointsFn.approveAdjustment, case: 'A\'s pending adjustment', kind: 'change', arrange: async (a) => { const id = await pendingOfA(a); return { input: { id }, watch: [['points_adjustments', id]] } }, out: 'OTHER_COMMUNITY' },
  { action: pointsFn.rejectAdjustment, case: 'A\'s pending adjustment', kind: 'change', arrange: async (a) => { const id = await pendingOfA(a); return { input: { id, note: '不批' }, watch: [['points_adjustments', id]] } }, out: 'OTHER_COMMUNITY' },
  list(pointsFn.auditLog, lists, 'empty', { shows: (a) => a.markers, check: noOneOfA }), // B's trail names A's ids only in B's own refused attempts
  list(pointsFn.accounts, { ...lists, csv: true }, 'empty', { kind: 'count', count: { of: items, bump: () => person('iso-n', 'b1') } }),
  list(pointsFn.accounts, { ...lists, gridId: 'g1' }, but({ hpStaff: 'FORBIDDEN' }, 'empty')),
  { action: pointsFn.rules, case: 'the rules where one acts', kind: 'settings', arrange: () => ({ input: {} }), out: 'empty' },
  { action: pointsFn.setRules, case: 'A\'s rules or the street\'s', kind: 'settings', arrange: () => ({ input: settingsInput(rules), watch: [['points_rules', 'xingfuli'], ['points_rules', 'street:xingfu']] }), out: 'FORBIDDEN' },
  list(pointsFn.gifts, { all: true }, but({ streetSame: 'ok' }, 'empty')), // the street office reads A's catalogue
  { action: pointsFn.upsertGift, case: 'A\'s gift', kind: 'change', arrange: (a) => ({ input: { id: a.gift.id, name: '改名礼品', price: 1, totalStock: 1000, activeFrom: 0, activeTo: Date.now() + 86400e3 }, watch: [['gifts', a.gift.id]] }), out: 'OTHER_COMMUNITY' },
  onEvent(pointsFn.redeem, (a) => ({ eventId: a.event.id, giftId: a.gift.id, requestId: requestId() }), 'OTHER_COMMUNITY', 'at A\'s booth'),
  self(pointsFn.myRedemptions, {}),
  onEvent(pointsFn.verify, async (a) => ({ code: await redemptionOfA(a) }), 'OTHER_COMMUNITY', 'A\'s resident\'s reservation'),
  onEvent(pointsFn.cancelRedemption, async (a) => ({ code: await redemptionOfA(a), reason: '不要了' }), but({ hpAdmin: 'OTHER_COMMUNITY' }, 'CANCEL_NOT_ALLOWED'), 'A\'s resident\'s reservation (refund)'),
  onEvent(pointsFn.reconcile, (a) => ({ eventId: a.event.id }), 'OTHER_COMMUNITY'),
  // events
  onEvent(eventsFn.publish, (a) => ({ ...publishBase(), booths: [{ giftId: a.gift.id, stock: 1 }] }), 'GIFT_UNKNOWN', 'with a booth of A\'s gift'),
  onEvent(eventsFn.update, (a) => ({ eventId: a.event.id, title: '改名活动', place: '别处', startAt: a.event.startAt, endAt: a.event.endAt, deadline: a.event.deadline }), 'OTHER_COMMUNITY'),
  onEvent(eventsFn.cancelEvent, (a) => ({ eventId: a.event.id, reason: '取消' }), 'OTHER_COMMUNITY'),
  onEvent(eventsFn.addBooth, (a) => ({ eventId: a.event.id, giftId: a.gift.id, stock: 1 }), 'OTHER_COMMUNITY'),
  onEvent(eventsFn.addBooth, async (a) => ({ eventId: (await okAs(HP.admin, eventsFn.publish, { ...publishBase(), title: '和平社区活动' })).id, giftId: a.gift.id, stock: 1 }), 'GIFT_UNKNOWN', 'A\'s gift at B\'s own event'),
  list(eventsFn.list, { ...lists, tab: 'upcoming' }, but({ streetSame: 'ok' }, 'empty')), // the street office reads A's events
  onEvent(eventsFn.detail, (a) => ({ eventId: a.event.id }), but({ streetSame: 'ok' }, 'NOT_FOUND'), 'A\'s event', { kind: 'read' }),
  onEvent(eventsFn.signUp, (a) => ({ eventId: a.event.id }), but({ streetSame: 'OTHER_COMMUNITY' }, 'NOT_FOUND')),
  onEvent(eventsFn.cancel, (a) => ({ eventId: a.event.id }), 'NOT_SIGNED_UP'),
  onEvent(eventsFn.myCode, (a) => ({ eventId: a.event.id }), 'NOT_SIGNED_UP'),
  onEvent(eventsFn.poster, (a) => ({ eventId: a.event.id }), 'OTHER_COMMUNITY'),
  onEvent(eventsFn.checkinCode, (a) => ({ eventId: a.event.id }), 'OTHER_COMMUNITY'),
  onEvent(eventsFn.checkIn, async (a) => ({ eventId: a.event.id, code: (await okAs(PERSONAS.admin.openid, eventsFn.checkinCode, { eventId: a.event.id })).code }), 'NOT_SIGNED_UP', 'A\'s event with its right code'),
  onEvent(eventsFn.staffCheckIn, (a) => ({ eventId: a.event.id, openid: a.res.openid, walkIn: true }), 'OTHER_COMMUNITY', 'walk in A\'s resident'),
  onEvent(eventsFn.staffCheckIn, async (a) => ({ eventId: a.event.id, code: (await okAs(a.res.openid, eventsFn.myCode, { eventId: a.event.id })).code }), 'OTHER_COMMUNITY', 'scan A\'s resident\'s code'),
  onEvent(eventsFn.attendees, (a) => ({ eventId: a.event.id }), 'OTHER_COMMUNITY', 'A\'s event', { kind: 'read' }),
  // kpis: each reads the numbers of its own scope; 幸福街道's admin reads A's (by design)
  self(kpisFn.dashboard, {}, but({ streetSame: 'ok' }, 'empty'), { kind: 'count', count: { of: (d: { totals: { collected: number } }) => d.totals.collected, bump: (a) => a.make.submitted() } }),
  list(kpisFn.dashboard, { communityId: 'xingfuli' }, but({ streetSame: 'ok' }, 'OTHER_COMMUNITY')),
  self(kpisFn.orders, { ...lists, figure: 'collected' }, but({ streetSame: 'ok' }, 'empty')),
  list(kpisFn.orders, { ...lists, figure: 'collected', communityId: 'xingfuli' }, but({ streetSame: 'ok' }, 'OTHER_COMMUNITY')),
  self(kpisFn.export, { what: 'orders' }, but({ streetSame: 'ok' }, 'empty')),
  list(kpisFn.export, { what: 'figures', communityId: 'xingfuli' }, but({ streetSame: 'ok' }, 'OTHER_COMMUNITY')),
  self(kpisFn.aggregate, {}, but({ hpAdmin: 'ok' }, 'empty')), // B's admin counts B's own days
  self(kpisFn.freeze, { month: LAST_MONTH }, but({ hpAdmin: 'ok', streetSame: 'ok', streetOther: 'ok' }, 'empty')), // each freezes its own community or street
  list(kpisFn.report, { month: LAST_MONTH, communityId: 'xingfuli' }, but({ streetSame: 'ok' }, 'OTHER_COMMUNITY')),
  // 议事: A's series (kept inactive: it makes no sessions in A while other files count A's events); its title names A's resident
  { action: councilFn.saveSeries, case: 'A\'s series', kind: 'change', out: 'OTHER_COMMUNITY',
    arrange: async (a) => { const s = await seriesOfA(a); return { input: { ...SERIES, seriesId: s._id, title: '改成别的' }, watch: [[COLLECTIONS.COUNCIL_SERIES, s._id], ['events', { seriesId: s._id }]] } } },
  { action: councilFn.series, case: 'list with A\'s series saved', kind: 'list', out: 'empty', arrange: async (a) => { await seriesOfA(a); return { input: {} } } },
  self(councilFn.setHolidays, { year: 2031, holidays: ['2031-01-01'], workdays: [] }, but({ hpAdmin: 'ok' }, 'empty')), // B's admin sets B's own table
  self(councilFn.plan, {}, but({ hpAdmin: 'ok' }, 'empty')), // B's admin plans B's own series
  self(councilFn.raiseTopic, TOPIC, 'ok'), // each raises in their own home community
  { action: councilFn.acceptTopic, case: 'A\'s topic', kind: 'change', out: 'OTHER_COMMUNITY', arrange: async (a) => { const t = await topicOfA(a); return { input: { topicId: t._id }, watch: [[COLLECTIONS.COUNCIL_TOPICS, t._id]] } } },
  { action: councilFn.support, case: 'A\'s topic', kind: 'change', out: 'OTHER_COMMUNITY', arrange: async (a) => { const t = await topicOfA(a); return { input: { topicId: t._id }, watch: [[COLLECTIONS.COUNCIL_TOPICS, t._id], [COLLECTIONS.COUNCIL_SUPPORTS, { topicId: t._id }]] } } },
  { action: councilFn.supportFor, case: 'A\'s topic for an elder of A', kind: 'change', out: but({ streetSame: 'NOT_YOUR_NEIGHBOUR' }, 'OTHER_COMMUNITY'), arrange: async (a) => { const t = await topicOfA(a); return { input: { topicId: t._id, elder: { name: '李奶奶', buildingId: 'b1', unitId: 'b1-1', room: '301' }, reason: '托我附议' }, watch: [[COLLECTIONS.COUNCIL_SUPPORTS, { topicId: t._id }]] } } },
  { action: councilFn.selection, case: 'the rules where one acts', kind: 'settings', arrange: () => ({ input: {} }), out: 'empty' },
  { action: councilFn.setSelection, case: 'A\'s rules', kind: 'settings', arrange: () => ({ input: { supportsPerHousehold: 9, minSupports: 1, sharePercent: 0, agendaSize: 9, proxySupportsPerLead: 0 }, watch: [['settings', 'council_selection:xingfuli']] }), out: but({ hpAdmin: 'ok' }, 'FORBIDDEN') }, // B's admin sets B's own
  { action: councilFn.topics, case: 'list with A\'s topic raised', kind: 'list', out: but({ streetSame: 'ok' }, 'empty'), arrange: async (a) => { await topicOfA(a); return { input: {} } } }, // A's street office reads A's topics
  self(councilFn.setCommittee, { members: ['陈委员', '李大爷', '王阿姨'].map((name) => ({ name, until: '2030-01-01' })) }, but({ hpAdmin: 'ok' }, 'empty')), // B's admin sets B's own
  list(councilFn.committee, {}),
  onEvent(councilFn.setAgenda, (a) => ({ sessionId: a.event.id, chosen: [], reasons: {} }), 'NOT_COMMITTEE', 'A\'s event as a session'),
  { action: councilFn.agenda, case: 'A\'s event as a session', kind: 'read', out: 'empty', arrange: (a) => ({ input: { sessionId: a.event.id } }) },
  { action: councilFn.topic, case: 'A\'s topic', kind: 'read', out: but({ streetSame: 'ok' }, 'OTHER_COMMUNITY'), arrange: async (a) => ({ input: { topicId: (await topicOfA(a))._id } }) }, // A's street office reads A's topics
  { action: councilFn.routeTopic, case: 'decline A\'s topic', kind: 'change', out: 'OTHER_COMMUNITY', arrange: async (a) => { const t = await topicOfA(a); return { input: { topicId: t._id, to: 'decline', reason: '不在社区职责内' }, watch: [[COLLECTIONS.COUNCIL_TOPICS, t._id], [COLLECTIONS.COUNCIL_NOTICES, { topicId: t._id }]] } } },
  { action: councilFn.withdrawTopic, case: 'A\'s topic', kind: 'change', out: but({ streetSame: 'NOT_RAISER' }, 'OTHER_COMMUNITY'), arrange: async (a) => { const t = await topicOfA(a); return { input: { topicId: t._id }, watch: [[COLLECTIONS.COUNCIL_TOPICS, t._id]] } } },
  { action: councilFn.rateTopic, case: 'A\'s topic', kind: 'change', out: but({ streetSame: 'NOT_RAISER' }, 'OTHER_COMMUNITY'), arrange: async (a) => { const t = await topicOfA(a); return { input: { topicId: t._id, satisfied: false }, watch: [[COLLECTIONS.COUNCIL_TOPICS, t._id]] } } },
  { action: councilFn.finishAction, case: 'A\'s topic', kind: 'change', out: 'OTHER_COMMUNITY', arrange: async (a) => { const t = await topicOfA(a); return { input: { topicId: t._id, actionId: 'a1' }, watch: [[COLLECTIONS.COUNCIL_TOPICS, t._id]] } } },
  onEvent(councilFn.recordMinutes, (a) => ({ sessionId: a.event.id, items: [] }), 'NOT_FOUND', 'A\'s event as a session'),
  onEvent(councilFn.confirmMinutes, (a) => ({ sessionId: a.event.id, draftAt: 1 }), 'MINUTES_UNKNOWN', 'A\'s event as a session (no minutes)'),
  { action: councilFn.minutes, case: 'A\'s event as a session', kind: 'read', out: 'empty', arrange: (a) => ({ input: { sessionId: a.event.id } }) },
  onEvent(councilFn.objectMinutes, (a) => ({ sessionId: a.event.id, text: '有异议' }), 'MINUTES_UNKNOWN', 'A\'s event as a session (no minutes)'),
  self(councilFn.tells, {}, 'empty'),
  { action: councilFn.metrics, case: 'the month with A\'s topic raised', kind: 'list', out: but({ streetSame: 'ok' }, 'empty'), arrange: async (a) => { await topicOfA(a); return { input: {} } }, check: (d: { raised: number }) => (d.raised === 0 ? 'nothing counted' : null) },
  { action: councilFn.markTold, case: 'A\'s topic\'s tell', kind: 'change', out: 'TELL_UNKNOWN', arrange: async (a) => { const id = `${(await topicOfA(a))._id}.decided`; return { input: { tellId: id }, watch: [[COLLECTIONS.COUNCIL_TELLS, id]] } } },
  self(councilFn.openEvaluation, {}, but({ hpAdmin: 'ok' }, 'empty')), // B's admin opens B's own
  { action: councilFn.vote, case: 'A\'s evaluation', kind: 'change', out: 'EVALUATION_UNKNOWN', arrange: async () => { const e = await evaluationOfA(); return { input: { evaluationId: e._id, choice: 'oppose' }, watch: [[COLLECTIONS.COUNCIL_BALLOTS, { evaluationId: e._id }], [COLLECTIONS.COUNCIL_VOTED, { evaluationId: e._id }], [COLLECTIONS.COUNCIL_EVALUATIONS, e._id]] } } },
  { action: councilFn.evaluation, case: 'with A\'s evaluation open', kind: 'read', out: 'empty', arrange: async () => { await evaluationOfA(); return { input: {} } } },
  self(councilFn.closeEvaluation, {}, but({ hpAdmin: 'ok' }, 'empty')), // B's admin closes B's own (when due)
  { action: councilFn.paperBallots, case: 'A\'s evaluation', kind: 'change', out: 'EVALUATION_UNKNOWN', arrange: async () => { const e = await evaluationOfA(); return { input: { evaluationId: e._id, support: 0, oppose: 1, abstain: 0, photo: 'cloud://local.6c6f-local-1250000000/council/iso/sheet.jpg' }, watch: [[COLLECTIONS.COUNCIL_PAPER, e._id]] } } },
  self(councilFn.openElection, { candidates: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] }, but({ hpAdmin: 'NO_REELECTION' }, 'empty')), // B's own latest evaluation did not say 改选
  { action: councilFn.electionVote, case: 'an election id of A', kind: 'change', out: 'ELECTION_UNKNOWN', arrange: () => ({ input: { electionId: 'el-of-a', choices: ['c1'] }, watch: [[COLLECTIONS.COUNCIL_BALLOTS, { electionId: 'el-of-a' }]] }) },
  list(councilFn.election, {}),
  self(councilFn.closeElection, {}, but({ hpAdmin: 'ok' }, 'empty')), // B's admin closes B's own (when due)
  onEvent(councilFn.drawTie, (a) => ({ electionId: 'el-of-a', sessionId: a.event.id }), 'NOT_FOUND', 'A\'s event as a session'),
  self(disputesFn.report, { category: 'noise', title: '楼上太吵', detail: '楼上晚上很吵。', others: [{ name: '楼上住户', side: 'respondent' }] }, 'ok'), // each reports in their own home community
  { action: disputesFn.takeReferral, case: 'A\'s 私事 order', kind: 'change', out: 'OTHER_COMMUNITY',
    arrange: async (a) => { const id = await a.make.submitted(); await okAs(PERSONAS.staffZhang.openid, orders.refer, { orderId: id, guidance: '转调解室' }); return { input: { from: 'order', id, category: 'noise', others: [{ name: '对方', side: 'respondent' }] }, watch: [[COLLECTIONS.DISPUTES, `d-order-${id}`], ...orderRefs(id)] } } },
  { action: disputesFn.disputes, case: 'list with A\'s case reported', kind: 'list', out: 'empty', arrange: async (a) => { await caseOfA(a); return { input: { limit: 50 } } } },
  onCase(disputesFn.dispute, (disputeId) => ({ disputeId }), 'read'),
  onCase(disputesFn.accept, (disputeId) => ({ disputeId })),
  onCase(disputesFn.decline, (disputeId) => ({ disputeId, route: 'other', guidance: '不受理' })),
  onCase(disputesFn.mediate, (disputeId) => ({ disputeId, mediators: ['m-of-b'], session: SESSION })),
  onCase(disputesFn.addSession, (disputeId) => ({ disputeId, session: SESSION })),
  onCase(disputesFn.agree, (disputeId) => ({ disputeId, written: false, terms: '修好', performBy: '2099-01-01' })),
  onCase(disputesFn.attachAgreement, (disputeId) => ({ disputeId, photo: 'cloud://local.6c6f-local-1250000000/disputes/iso/paper.jpg' })),
  onCase(disputesFn.fail, (disputeId) => ({ disputeId, route: 'other', guidance: '调不成' })),
  onCase(disputesFn.performance, (disputeId) => ({ disputeId, fulfilled: true })),
  onCase(disputesFn.refer, (disputeId) => ({ disputeId, route: 'lawsuit', guidance: '去法院' })),
  onCase(disputesFn.followUp, (disputeId) => ({ disputeId, satisfied: true })),
  onCase(disputesFn.withdraw, (disputeId) => ({ disputeId })),
  list(disputesFn.roster, {}),
  self(disputesFn.saveMediator, { who: { kind: 'professional', profession: 'lawyer', name: '和平律师', phone: '13700000001' }, days: '每月5日' }, but({ hpAdmin: 'ok' }, 'empty')), // B's admin keeps B's own roster
  { action: disputesFn.metrics, case: 'with A\'s case reported', kind: 'count', out: 'empty', arrange: async (a) => { await caseOfA(a); return { input: {} } }, count: { of: (d: { open: number }) => d.open, bump: caseOfA } },
  ...WISH_ROWS,
]

let a: AWorld
let callers: Record<Who, string>
beforeAll(async () => {
  ;[a, callers] = await Promise.all([makeA(), makeCallers()])
})

test('every registered action is classified in the isolation matrix', () => {
  const rows = new Set(ROWS.map((r) => name(r.action)))
  expect(ALL_ACTIONS.map(name).filter((n) => !rows.has(n))).toEqual([])
})

describe(`isolation matrix (${ROWS.length} rows × ${WHO.length} callers)`, () => {
  test.each(ROWS.map((r) => [`${name(r.action)} · ${r.kind} · ${r.case}`, r] as const))('%s', async (_n, row) => {
    let shared: Cell | undefined
    const got: Partial<Record<Who, string>> = {}
    for (const w of WHO) {
      const openid = row.twin ? await twinOf(w) : callers[w]
      const cell = (!row.fresh && shared) || (await row.arrange(a))
      shared = cell
      got[w] = await outcomeOf(row, a, w, openid, cell)
    }
    expect(got).toEqual(Object.fromEntries(WHO.map((w) => [w, expected(row, w)])))
  })
})

/** Stored without a community: a street's own documents and settings (they carry streetId), the admin invite, migrations. */
const STREET_LEVEL = ['streets', 'settings', 'points_rules', 'kpi_reports']
const NO_PLACE = ['migrations', 'settings/admin_invite']

test('after the matrix every stored document carries its community (or, for street-level ones, its street)', async () => {
  // and after a resident takes back a reservation (the release rewrites the booth's slot and their hold)
  await okAs(a.res.openid, pointsFn.cancelRedemption, { code: await redemptionOfA(a) })
  const _ = sdkDb().command
  const missing: string[] = []
  for (const c of Object.values(COLLECTIONS).filter((c) => !NO_PLACE.includes(c))) {
    const { data } = await sdkDb().collection(c).where({ communityId: _.exists(false) }).limit(1000).get()
    for (const d of data as { _id: string; streetId?: string }[]) {
      if (!NO_PLACE.includes(`${c}/${d._id}`) && !(STREET_LEVEL.includes(c) && d.streetId)) missing.push(`${c}/${d._id}`)
    }
  }
  expect(missing).toEqual([])
})

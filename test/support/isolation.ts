/**
 * The isolation matrix's machinery: community A (幸福里社区) with fresh data made by its own people,
 * the callers of community B (和平社区) and of the street offices, and one cell's outcome — called
 * through the real SDK with the watched documents snapshotted before and after.
 *
 * A cell's outcome is one word: an error code (refused), `empty` (answered, with nothing of A in
 * it), `ok` (allowed by design), or what went wrong: `leak <marker>`, `raw phone`, `changed <docs>`,
 * `undeclared <code>`, `count <before>→<after>`.
 */
import type { ActionContract, InputOf } from '../../core/contract/define'
import { mayCall, type Role } from '../../core/contract/roles'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { COMMON_ERRORS } from '../../core/contract/errors'
import { newOrder, okAs } from '../integration/orders-support'
import { newGift, publishBase, requestId } from '../integration/points-support'
import { sdkDb, untilFinal } from './call'
import { changedDocs, creditFrom, hepingPeople, hepingResident, HP, otherStreet, otherStreetAdmin, snapshot, streetAdminOfXingfu, type Ref } from './communities'
import { newGrid, newResident } from './people'

// ---- the callers of B ---------------------------------------------------------------------------

export const WHO = ['hpStaff', 'hpAdmin', 'hpVolunteer', 'hpResident', 'movedLead', 'streetSame', 'streetOther'] as const
export type Who = (typeof WHO)[number]

/** The roles each caller holds where they act (the role gate decides before anything else). */
export const ROLES: Record<Who, Role[]> = {
  hpStaff: ['resident', 'staff'],
  hpAdmin: ['resident', 'admin'],
  hpVolunteer: ['resident', 'volunteer'],
  hpResident: ['resident'],
  movedLead: ['resident', 'building_lead'],
  streetSame: ['resident', 'street_admin'],
  streetOther: ['resident', 'street_admin'],
}

/** A 楼栋长 of A's building 3 who then moved to 和平 (their role and building scope stay on the document). */
async function movedLead(): Promise<string> {
  const lead = await person('iso-m', 'b3')
  await okAs(A.admin, users.grantRole, { openid: lead.openid, role: 'building_lead', buildings: ['b3'] })
  await okAs(lead.openid, users.updateProfile, { name: lead.name, phone: lead.phone, buildingId: 'hp-b3', unitId: 'hp-b3-1' })
  return lead.openid
}

/**
 * 和平's 网格员, admin and volunteer (demo personas), a fresh 和平 resident, a former 楼栋长 of A now
 * living in 和平, a 街道管理员 of 幸福街道 acting in 幸福里 (reads A), and the 街道管理员 of another
 * street (written into the database).
 */
export async function makeCallers(): Promise<Record<Who, string>> {
  const [hpResident, moved, streetSame, other] = await Promise.all([hepingResident(), movedLead(), streetAdminOfXingfu('xingfuli'), otherStreet()])
  // enough points of their own that a refused redemption is not just "not enough points"
  await creditFrom('chunhui', [streetSame], 100)
  await creditFrom('heping', [hpResident], 100)
  return { hpStaff: HP.staff, hpAdmin: HP.admin, hpVolunteer: HP.volunteer, hpResident, movedLead: moved, streetSame, streetOther: other.admin }
}

/** A fresh caller of the same kind, for actions that use the caller up (deleting one's account). */
export async function twinOf(who: Who): Promise<string> {
  if (who === 'streetSame') return streetAdminOfXingfu('xingfuli')
  if (who === 'streetOther') return otherStreetAdmin()
  if (who === 'movedLead') return movedLead()
  const make = { hpStaff: hepingPeople.staff, hpAdmin: hepingPeople.admin, hpVolunteer: hepingPeople.volunteer, hpResident: hepingPeople.resident }
  return make[who]()
}

// ---- community A's data -------------------------------------------------------------------------

const A = { staff: PERSONAS.staffZhang.openid, admin: PERSONAS.admin.openid, volunteer: PERSONAS.volunteerLi.openid }

export interface Person {
  openid: string
  name: string
  phone: string
}

export async function person(prefix: string, buildingId: string): Promise<Person> {
  const { openid, profile } = await newResident({ prefix, buildingId })
  return { openid, name: profile.name, phone: profile.phone } // one's own profile shows the whole number
}

/** Orders of A's resident in each state (fresh ones: each call makes a new order). */
export function orderMaker(owner: string) {
  const submitted = async (over: Partial<InputOf<typeof orders.create>> = {}) => (await newOrder(owner, over))._id
  const open = async () => {
    const id = await submitted()
    await okAs(A.staff, orders.publish, { orderId: id, points: 10 })
    return id
  }
  const accepted = async () => {
    const id = await open()
    await okAs(A.volunteer, orders.accept, { orderId: id })
    return id
  }
  const done = async () => {
    const id = await accepted()
    await okAs(A.volunteer, orders.reportDone, { orderId: id, note: '处理好了' })
    return id
  }
  const confirmed = async () => {
    const id = await done()
    await okAs(owner, orders.confirm, { orderId: id, stars: 5 })
    return id
  }
  const escalated = async (toStreet = false) => {
    const id = await submitted({ category: 'other', description: '路灯坏了一排' })
    await okAs(A.staff, orders.escalate, { orderId: id, department: '街道城管科', note: '需要协调', toStreet })
    return id
  }
  /** Published to the street pool: volunteers of every community of the street may take it. */
  const streetPool = async () => {
    const id = await submitted()
    await okAs(A.staff, orders.publish, { orderId: id, points: 10, toStreet: true })
    return id
  }
  /** Due: its SLA deadline has passed (moved in the database), so a tick would mark it overdue. */
  const due = async () => {
    const id = await submitted()
    await sdkDb().collection('orders').doc(id).update({ data: { dueAt: Date.now() - 3_600_000 } })
    return id
  }
  return { submitted, open, accepted, done, confirmed, escalated, streetPool, due }
}

export type AWorld = Awaited<ReturnType<typeof makeA>>

/**
 * 幸福里's own data, made by its own people: a resident with orders, a second one whose orders go
 * to the street, a volunteer applicant, a 楼栋长, a grid of its own, an event with a booth of a
 * fresh gift where the resident signed up and reserved a gift, and an adjustment waiting for approval.
 */
export async function makeA() {
  const [res, streetRes, applicant, lead, grid] = await Promise.all([person('iso-a', 'b1'), person('iso-s', 'b2'), person('iso-v', 'b1'), person('iso-l', 'b3'), newGrid('iso')])
  await okAs(applicant.openid, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekend_morning'] })
  await okAs(A.admin, users.grantRole, { openid: lead.openid, role: 'building_lead', buildings: ['b3'] })
  const gift = await newGift({ price: 10, totalStock: 100, perPersonLimit: 5 })
  const event = await okAs(A.admin, eventsFn.publish, { ...publishBase(), title: '幸福里隔离测试', capacity: 5, booths: [{ giftId: gift.id, stock: 20 }] })
  await creditFrom('xingfuli', [res.openid], 50)
  await okAs(res.openid, eventsFn.signUp, { eventId: event.id })
  const redemption = await okAs(res.openid, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })
  const adjustment = (await okAs(A.staff, pointsFn.adjust, { openid: res.openid, delta: 400, reason: '超限补发', requestId: requestId() })).adjustmentId
  const make = orderMaker(res.openid)
  const street = orderMaker(streetRes.openid)
  // one order of each kind made up front (the lists must not show them; the notices are A's)
  const shown = { open: await make.open(), accepted: await make.accepted(), toStreet: await street.escalated(true), streetPool: await street.streetPool() }
  const notices = ((await sdkDb().collection('notices').where({ to: res.openid }).limit(50).get()).data as { _id: string }[]).map((n) => n._id)
  const people = [res, streetRes, applicant, lead]
  return {
    res, streetRes, applicant, lead, grid, gift, event, adjustment, shown, notices, people, make, street,
    redemptionCode: redemption.code,
    /** Strings that must not reach a caller of B (unless the row allows them). */
    markers: [res, applicant, lead].flatMap((p) => [p.openid, p.name]).concat([event.id, gift.id, adjustment, redemption.code, shown.open, shown.accepted, ...notices]),
    /** What a street office (or the street pool) may show by design: the orders sent up or out to the street. */
    streetMarkers: [streetRes.openid, streetRes.name, shown.toStreet, shown.streetPool],
    /** Whole phone numbers: never shown to anyone of B, whatever the row allows. */
    phones: people.map((p) => p.phone),
  }
}

/** What is watched for A's person: their user document and their points account. */
export const userRefs = (openid: string): Ref[] => [['users', openid], ['points_accounts', `person:${openid}`]]
export const orderRefs = (id: string): Ref[] => [['orders', id], ['notices', { orderId: id }], ['points_transfers', { 'source.id': id }]]
export const eventRefs = (a: AWorld): Ref[] => [
  ['events', a.event.id],
  ['event_regs', { eventId: a.event.id }],
  ['event_seats', { eventId: a.event.id }],
  ['gift_slots', { eventId: a.event.id }],
  ['redemptions', { eventId: a.event.id }],
  ['event_notices', { eventId: a.event.id }],
  ['gifts', a.gift.id],
]

// ---- one cell --------------------------------------------------------------------------------------

/** An outcome a row expects: an error code, `empty` or `ok`. */
export type Expect = string

export interface Cell {
  /** The payload, or one made for the caller (e.g. their own profile). */
  input: unknown | ((who: Who, openid: string) => unknown)
  /** Documents of A the call must leave as they were (A's resident's own are always watched). */
  watch?: Ref[]
}

export interface Row {
  action: ActionContract
  /** What the call is, against A's data. */
  case: string
  kind: 'read' | 'list' | 'change' | 'count' | 'self' | 'public' | 'settings'
  /** A's data for the row (made once, shared by the callers, unless `fresh`) and the call's input. */
  arrange: (a: AWorld) => Promise<Cell> | Cell
  /** For the callers past the role gate: the outcome (the others must get FORBIDDEN). */
  out: Expect | ((who: Who) => Expect)
  /** Arrange per caller (rows where someone is allowed by design, which changes A's data). */
  fresh?: boolean
  /** Call as a fresh caller of the same kind (the action uses the caller up). */
  twin?: boolean
  /** Markers an answer may show by design (e.g. the street's own queue). */
  shows?: (a: AWorld) => string[]
  /** A count in the answer that must not move when A gets more of what is counted. */
  count?: { of: (data: never) => number; bump: (a: AWorld) => Promise<unknown> }
  /** A further check of an allowed answer: a problem, or null. */
  check?: (data: never, a: AWorld, who: Who) => string | null
}

/** A code every action may answer (the common ones) or one its contract declares. */
export const declares = (c: ActionContract, code: string) => Object.hasOwn(COMMON_ERRORS, code) || !!c.errors?.includes(code)

export const expected = (row: Row, who: Who): Expect =>
  !mayCall(row.action.roles, ROLES[who]) ? 'FORBIDDEN' : typeof row.out === 'function' ? row.out(who) : row.out

const found = (text: string, markers: readonly string[]) => markers.filter((m) => m && text.includes(m))

export async function outcomeOf(row: Row, a: AWorld, who: Who, openid: string, cell: Cell): Promise<string> {
  const refs = [...userRefs(a.res.openid), ...(cell.watch ?? [])]
  const before = await snapshot(refs)
  const want = expected(row, who)
  const input = typeof cell.input === 'function' ? await cell.input(who, openid) : cell.input
  const call = () => untilFinal(openid, row.action, input)
  const r = await call()
  const problems: string[] = []
  let outcome: string
  if (r.ok) {
    const text = JSON.stringify(r.data)
    if (found(text, a.phones).length) problems.push('raw phone')
    const allowed = new Set(row.shows?.(a) ?? [])
    const leaks = want === 'ok' ? [] : found(text, a.markers.concat(a.streetMarkers).filter((m) => !allowed.has(m)))
    outcome = leaks.length ? `leak ${leaks[0]}` : want === 'ok' ? 'ok' : 'empty'
    const extra = row.check?.(r.data as never, a, who)
    if (extra) problems.push(extra)
    if (row.count && want === 'empty') {
      const n0 = row.count.of(r.data as never)
      await row.count.bump(a)
      const again = await call()
      const n1 = again.ok ? row.count.of(again.data as never) : NaN
      if (n0 !== n1) problems.push(`count ${n0}→${n1}`)
    }
  } else {
    const { code, message } = r.error
    outcome = !declares(row.action, code) ? `undeclared ${code}` : /[\u4e00-\u9fa5]/.test(message) ? code : `non-Chinese ${code}`
    if (found(`${message}${JSON.stringify(r.error.details ?? '')}`, a.markers).length) problems.push('leak in the refusal')
  }
  if (want !== 'ok') {
    const changed = changedDocs(before, await snapshot(refs))
    if (changed.length) problems.push(`changed ${changed.join(',')}`)
  }
  return [outcome, ...problems].join(' + ')
}

/**
 * Auth matrix: every orders action × fourteen callers, each call on a fresh order in the state the
 * action needs, so the only variable is who calls. Allowed → ok; everyone else → a clear refusal
 * (NOT_REGISTERED, FORBIDDEN, NOT_FOUND when they may not even see the order, OTHER_COMMUNITY for
 * those who work in another community) and no change. The orders are 幸福里's; besides its own
 * people the callers are 和平's 网格员 and admin, the street admin of 幸福街道 (acting in 幸福里: reads
 * orders, phones masked) and the street admin of another street.
 */
import type { ActionContract } from '../../core/contract/define'
import { orders } from '../../core/orders/contract'
import { callAs } from '../support/call'
import { HP, otherStreet, streetAdminOfXingfu } from '../support/communities'
import { doneOrder, ensureLedgerCollections, makeUsers, newOrder, okAs, P, rawOrder, TEST_SLA } from './orders-support'

const WHO = ['guest', 'owner', 'neighbour', 'otherResident', 'volunteer', 'otherVolunteer', 'staffHere', 'staffThere', 'lead', 'admin', 'staffOther', 'adminOther', 'streetSame', 'streetOther'] as const
type Who = (typeof WHO)[number]
let ids: Record<Who, string>

type Setup = () => Promise<string | null>
const submitted: Setup = async () => (await newOrder(P.wang))._id
const open: Setup = async () => {
  const id = await submitted()
  await okAs(P.zhang, orders.publish, { orderId: id!, team: 'red_steward' })
  return id
}
const accepted: Setup = async () => {
  const id = await open()
  await okAs(P.li, orders.accept, { orderId: id! })
  return id
}
const done: Setup = () => doneOrder(P.wang, P.li)
const confirmed: Setup = async () => {
  const id = await done()
  await okAs(P.wang, orders.confirm, { orderId: id! })
  return id
}
const escalated: Setup = async () => {
  const id = await submitted()
  await okAs(P.zhang, orders.escalate, { orderId: id!, department: '街道', note: '上报' })
  return id
}
const none: Setup = async () => null

const REGISTERED: Who[] = WHO.filter((w) => w !== 'guest')
const STAFF: Who[] = ['staffHere', 'admin']
const VOLUNTEERS: Who[] = ['volunteer', 'otherVolunteer']
/** Each reads (or ticks) the community they act in: their own queue, their own SLA. */
const ELSEWHERE: Who[] = ['staffOther', 'adminOther', 'streetSame', 'streetOther']
const STREET: Who[] = ['streetSame', 'streetOther']

/** action → [state to start from, input (for the caller), who may do it]. */
const MATRIX: { [K in keyof typeof orders]: [Setup, (id: string | null, who: Who) => unknown, Who[]] } = {
  create: [none, () => ({ category: 'other', description: '帮忙换灯泡' }), REGISTERED],
  get: [accepted, (id) => ({ orderId: id }), ['owner', 'volunteer', 'staffHere', 'lead', 'admin', 'streetSame']],
  mine: [none, () => ({}), REGISTERED],
  cancel: [submitted, (id) => ({ orderId: id }), ['owner']],
  confirm: [done, (id) => ({ orderId: id, stars: 5 }), ['owner']],
  rate: [confirmed, (id) => ({ orderId: id, stars: 4 }), ['owner']],
  reopen: [confirmed, (id) => ({ orderId: id, reason: '没修好' }), ['owner']],
  // the 回访: the order's people only (a 楼栋长 of the building, its staff and volunteer may see the order, not answer for it)
  answerCheck: [done, (id) => ({ orderId: id, answer: 'solved' }), ['owner']],
  triageQueue: [none, () => ({}), ['staffHere', 'staffThere', 'admin', ...ELSEWHERE]],
  staffOrders: [none, () => ({ stage: 'all' }), ['staffHere', 'staffThere', 'admin', ...ELSEWHERE]],
  publish: [submitted, (id) => ({ orderId: id }), STAFF],
  // 和平's staff name 和平's volunteer (a volunteer of their own community), so the order decides
  assign: [submitted, (id, who) => ({ orderId: id, volunteerId: who === 'staffOther' || who === 'adminOther' ? HP.volunteer : P.li }), STAFF],
  escalate: [submitted, (id) => ({ orderId: id, department: '街道', note: '公共设施' }), STAFF],
  // the street admin's: each street's own queue; an order not sent up to the street is not answered by it
  streetQueue: [none, () => ({}), STREET],
  streetReply: [submitted, (id) => ({ orderId: id, note: '街道答复' }), []],
  followUp: [escalated, (id) => ({ orderId: id, note: '跟进' }), STAFF],
  close: [escalated, (id) => ({ orderId: id, note: '办结' }), STAFF],
  refer: [submitted, (id) => ({ orderId: id, guidance: '找律师' }), STAFF],
  reject: [submitted, (id) => ({ orderId: id, reason: '重复' }), STAFF],
  reassign: [accepted, (id) => ({ orderId: id, reason: '换人' }), STAFF],
  pool: [none, () => ({}), VOLUNTEERS],
  accept: [open, (id) => ({ orderId: id }), ['volunteer']],
  start: [accepted, (id) => ({ orderId: id }), ['volunteer']],
  reportDone: [accepted, (id) => ({ orderId: id, note: '好了' }), ['volunteer']],
  release: [accepted, (id) => ({ orderId: id, reason: '有事' }), ['volunteer']],
  tasks: [none, () => ({}), VOLUNTEERS],
  inbox: [none, () => ({}), REGISTERED],
  markRead: [none, () => ({ ids: [] }), REGISTERED],
  sla: [none, () => ({}), [...STAFF, 'staffThere', ...ELSEWHERE]],
  // 和平's admin asks for the street's default (theirs to set is 和平's own); a street admin for a community's
  setSla: [none, (_id, who) => (who === 'adminOther' ? { ...TEST_SLA, level: 'street' } : TEST_SLA), ['admin']],
  tick: [none, () => ({}), ['admin', 'adminOther']], // each their own community's orders
}

beforeAll(async () => {
  await ensureLedgerCollections()
  const [neighbour] = await makeUsers(1, { prefix: 'auth-nb', buildingId: 'b3' })
  const [otherResident] = await makeUsers(1, { prefix: 'auth-or', buildingId: 'b7' })
  const [otherVolunteer] = await makeUsers(1, { prefix: 'auth-ov', buildingId: 'b1', volunteer: { skills: ['child_tutoring'], team: 'youth' } })
  ids = {
    guest: P.newcomer,
    owner: P.wang,
    neighbour,
    otherResident,
    volunteer: P.li,
    otherVolunteer,
    staffHere: P.zhang,
    staffThere: P.chen,
    lead: P.zhao,
    admin: P.admin,
    staffOther: HP.staff,
    adminOther: HP.admin,
    streetSame: await streetAdminOfXingfu('xingfuli'),
    streetOther: (await otherStreet()).admin,
  }
})

const DENIALS = ['NOT_REGISTERED', 'FORBIDDEN', 'NOT_FOUND', 'OTHER_COMMUNITY']

describe.each(Object.entries(MATRIX))('orders.%s', (action, [setup, input, allowed]) => {
  it(`allowed for exactly: ${allowed.join(', ')}`, async () => {
    const c = (orders as Record<string, ActionContract>)[action]
    const outcome = await Promise.all(
      WHO.map(async (who) => {
        const id = await setup()
        const before = id ? await rawOrder(id) : null
        const r = await callAs(ids[who], c, input(id, who))
        if (!r.ok && id) expect(await rawOrder(id)).toEqual(before) // a refusal changes nothing
        if (!r.ok && !DENIALS.includes(r.error.code)) throw new Error(`${action} as ${who}: unexpected ${r.error.code} ${r.error.message}`)
        return [who, r.ok] as const
      }),
    )
    expect(Object.fromEntries(outcome)).toEqual(Object.fromEntries(WHO.map((w) => [w, allowed.includes(w)])))
  })
})

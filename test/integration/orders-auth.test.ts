/**
 * Auth matrix: every orders action × ten callers, each call on a fresh order in the state the action
 * needs, so the only variable is who calls. Allowed → ok; everyone else → a clear refusal
 * (NOT_REGISTERED, FORBIDDEN or NOT_FOUND when they may not even see the order) and no change.
 */
import type { ActionContract } from '../../core/contract/define'
import { orders } from '../../core/orders/contract'
import { callAs } from '../support/call'
import { doneOrder, ensureLedgerCollections, makeUsers, newOrder, okAs, P, rawOrder, TEST_SLA } from './orders-support'

const WHO = ['guest', 'owner', 'neighbour', 'otherResident', 'volunteer', 'otherVolunteer', 'staffHere', 'staffThere', 'lead', 'admin'] as const
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

/** action → [state to start from, input, who may do it]. */
const MATRIX: { [K in keyof typeof orders]: [Setup, (id: string | null) => unknown, Who[]] } = {
  create: [none, () => ({ category: 'other', description: '帮忙换灯泡' }), REGISTERED],
  get: [accepted, (id) => ({ orderId: id }), ['owner', 'volunteer', 'staffHere', 'lead', 'admin']],
  mine: [none, () => ({}), REGISTERED],
  cancel: [submitted, (id) => ({ orderId: id }), ['owner']],
  confirm: [done, (id) => ({ orderId: id, stars: 5 }), ['owner']],
  rate: [confirmed, (id) => ({ orderId: id, stars: 4 }), ['owner']],
  reopen: [confirmed, (id) => ({ orderId: id, reason: '没修好' }), ['owner']],
  triageQueue: [none, () => ({}), ['staffHere', 'staffThere', 'admin']],
  publish: [submitted, (id) => ({ orderId: id }), STAFF],
  assign: [submitted, (id) => ({ orderId: id, volunteerId: P.li }), STAFF],
  escalate: [submitted, (id) => ({ orderId: id, department: '街道', note: '公共设施' }), STAFF],
  // the street admin's (none of these callers is one: street-admin.test.ts covers them)
  streetQueue: [none, () => ({}), []],
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
  sla: [none, () => ({}), STAFF.concat('staffThere')],
  setSla: [none, () => TEST_SLA, ['admin']],
  tick: [none, () => ({}), ['admin']],
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
  }
})

const DENIALS = ['NOT_REGISTERED', 'FORBIDDEN', 'NOT_FOUND']

describe.each(Object.entries(MATRIX))('orders.%s', (action, [setup, input, allowed]) => {
  it(`allowed for exactly: ${allowed.join(', ')}`, async () => {
    const c = (orders as Record<string, ActionContract>)[action]
    const outcome = await Promise.all(
      WHO.map(async (who) => {
        const id = await setup()
        const before = id ? await rawOrder(id) : null
        const r = await callAs(ids[who], c, input(id))
        if (!r.ok && id) expect(await rawOrder(id)).toEqual(before) // a refusal changes nothing
        if (!r.ok && !DENIALS.includes(r.error.code)) throw new Error(`${action} as ${who}: unexpected ${r.error.code} ${r.error.message}`)
        return [who, r.ok] as const
      }),
    )
    expect(Object.fromEntries(outcome)).toEqual(Object.fromEntries(WHO.map((w) => [w, allowed.includes(w)])))
  })
})

/**
 * Account deletion (pure parts): when it may happen, and what a person's records look like after.
 * The person's own document is removed; records the community keeps (orders, sign-ups, redemptions)
 * lose the name, phone and detailed address and point at a tombstone id instead of the WeChat id, so
 * they no longer lead back to the person — and a new registration with the same WeChat id starts
 * empty. The ledger stays balanced: what is left on the account goes back to the pool as one transfer.
 */
import type { Role } from '../contract/roles'
import type { Order } from '../orders/model'
import { withKeys } from '../orders/keys'

export const GONE_NAME = '已注销用户'
export const GONE_VOLUNTEER = '已注销志愿者'

export type DeletionRefusal = 'HAS_WORK_ROLE' | 'HAS_ACTIVE_ORDERS' | 'HAS_ACTIVE_TASKS' | 'HAS_SIGNUPS'

/** Work to finish first, in the order a person would do it. null: nothing stands in the way. */
export function deletionBlocker(p: { roles: readonly Role[]; activeOrders: number; activeTasks: number; upcomingSignUps: number }): DeletionRefusal | null {
  if (p.roles.some((r) => r === 'staff' || r === 'building_lead' || r === 'admin')) return 'HAS_WORK_ROLE'
  if (p.activeOrders > 0) return 'HAS_ACTIVE_ORDERS'
  if (p.activeTasks > 0) return 'HAS_ACTIVE_TASKS'
  if (p.upcomingSignUps > 0) return 'HAS_SIGNUPS'
  return null
}

/** A tombstone id: stands in for the WeChat id in kept records (not derived from it). */
export const tombstoneId = (random: string): string => `gone-${random}`

/** An order as kept after one of its people deleted their account. */
export function anonymiseOrder(o: Order, openid: string, tombstone: string): Order {
  const swap = (id: string | null) => (id === openid ? tombstone : id)
  // the served resident's contact goes; a neighbour's contact on an order placed for them stays theirs
  const asResident = o.residentId === openid || (o.orderedBy === openid && !o.proxy)
  const asVolunteer = o.volunteerId === openid
  return withKeys({
    ...o,
    residentId: swap(o.residentId),
    orderedBy: swap(o.orderedBy) ?? tombstone,
    volunteerId: swap(o.volunteerId),
    ...(asResident ? { contactName: GONE_NAME, contactPhone: '', address: o.address.split(' ')[0] ?? '' } : {}),
    ...(asVolunteer ? { volunteerName: GONE_VOLUNTEER, volunteerPhone: null } : {}),
    rating: o.rating && o.rating.by === openid ? { ...o.rating, by: tombstone } : o.rating,
    grants: Object.fromEntries(Object.entries(o.grants).filter(([k]) => k !== openid)),
    // the timeline names the volunteer at 指派 / 接单: the name goes with the account
    timeline: o.timeline.map((e) => {
      const note = asVolunteer && o.volunteerName && e.note ? e.note.split(o.volunteerName).join(GONE_VOLUNTEER) : e.note
      return { ...e, by: e.by === openid ? tombstone : e.by, note }
    }),
  })
}

/**
 * A service wish's claim, scheduled by staff, becomes a service order at the community station
 * (never the child's home) in the orders loop, reserved for the donor: another staff member assigns
 * it to them (to nobody else, and not to the pool), the donor serves,
 * staff confirm, and only then does the ledger pay the order's points. Made only for a donor who is
 * an approved volunteer (only volunteers serve orders); an item wish never makes one, so goods
 * never earn points.
 */
import { ORDERS } from '../../core/collections'
import { DEFAULT_POINTS } from '../../core/orders/categories'
import { newId, withKeys } from '../../core/orders/keys'
import { blankOrder, orderDoc, type Order } from '../../core/orders/model'
import { dueAt } from '../../core/orders/sla'
import type { PointsRules } from '../../server/ledger'
import type { SlaConfig } from '../../core/orders/sla'
import type { UserDoc } from '../../core/users/model'
import { setDoc, type Tx } from '../../server/db'
import type { ClaimDoc, WishDoc } from './store'

/** Only approved volunteers serve orders. */
export const servesOrders = (donor: UserDoc | null): boolean => !!donor?.roles?.includes('volunteer') && donor.volunteer?.status === 'approved'

export interface StaffMember {
  openid: string
  name: string
  phone: string
}

/** The order for this claim, as the orders function stores a new one (status 待分派, points by the community's rule). */
export function serviceOrder(w: WishDoc, claim: ClaimDoc, staff: StaffMember, rules: Pick<PointsRules, 'categoryPoints'>, sla: SlaConfig, now: number): Order {
  const category = w.category ?? 'other'
  const base: Order = {
    ...blankOrder({ _id: newId(now), now, orderedBy: staff.openid, gridId: w.gridId, communityId: w.communityId, streetId: w.streetId }),
    category,
    description: `微心愿服务：${w.title}（${claim.donorName}认领，在${w.station}进行）`,
    address: w.station,
    contactName: staff.name,
    contactPhone: staff.phone,
    source: 'wish',
    // only the donor may be sent it: a dispatcher cannot hand a donor's points to a friend
    reservedFor: claim.donorId,
    points: rules.categoryPoints[category] ?? DEFAULT_POINTS[category],
    timeline: [{ seq: 1, at: now, by: staff.openid, actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note: `微心愿排定服务：${w.title}` }],
  }
  const due = dueAt(base, sla)
  return orderDoc.parse(withKeys({ ...base, dueAt: due, respondBy: due }))
}

/** Stored in the transaction that marks the claim received (a claim is received once: one order). */
export const putOrder = (t: Tx, order: Order) => setDoc(t, ORDERS, order)

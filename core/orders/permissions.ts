/**
 * Pure scope checks: in which capacities a caller stands towards an order, whether they may send an
 * event, see it (and its phone), or order on behalf of a neighbour. No database reads: the server
 * passes the caller (roles and scopes from the users collection) and the order.
 */
import type { Role } from '../contract/roles'
import type { Caller } from '../users/caller'
import { maskPhone } from '../users/vocab'
import { EVENT_ACTORS, type EventType } from './machine'
import type { Actor, Order } from './model'

export type { Caller }

const has = (c: Caller, r: Role) => c.roles.includes(r)

/**
 * Staff of the grid, or an admin (who manages every grid), in the community acted in (a grid is
 * in one community). Not users/permissions isStaffOf, which excludes admin.
 */
export function managesGrid(c: Caller, where: { gridId: string; communityId: string }): boolean {
  if (where.communityId !== c.communityId) return false
  return has(c, 'admin') || (has(c, 'staff') && c.scopes.grids.includes(where.gridId))
}

/** Published where the volunteer may take it: their home community's pool, or their street's. */
function inReach(c: Caller, o: Pick<Order, 'pool' | 'communityId' | 'streetId'>): boolean {
  return o.pool === 'street' ? o.streetId === c.home?.streetId : o.communityId === c.home?.communityId
}

/** May take it from the pool: an approved volunteer the order is published to. */
export function isCandidate(c: Caller, o: Pick<Order, 'audience' | 'pool' | 'communityId' | 'streetId'>): boolean {
  if (!has(c, 'volunteer') || !inReach(c, o)) return false
  const a = o.audience
  if (a.volunteerId) return a.volunteerId === c.openid
  if (a.team && a.team !== c.team) return false
  if (a.skill && !c.skills.includes(a.skill)) return false
  return true
}

/** Every capacity the caller has towards this order. */
export function capacities(c: Caller, o: Order): Set<Actor> {
  const out = new Set<Actor>()
  if (o.residentId === c.openid || o.orderedBy === c.openid) out.add('owner')
  if (managesGrid(c, o)) out.add('staff')
  if (has(c, 'street_admin') && o.street && o.streetId === c.streetId) out.add('street')
  if (o.volunteerId === c.openid && has(c, 'volunteer')) out.add('volunteer')
  if (isCandidate(c, o)) out.add('candidate')
  return out
}

/** The capacity in which the caller may send this event, or null (→ FORBIDDEN). */
export function actorFor(c: Caller, o: Order, type: EventType): Actor | null {
  const mine = capacities(c, o)
  return (EVENT_ACTORS[type] as readonly Actor[]).find((a) => mine.has(a)) ?? null
}

/**
 * What the caller may see: 'full' (people on the order, its staff, the volunteer holding it, the
 * 楼栋长 of the building), 'masked' (a candidate looking at an open order: phone hidden), or null.
 */
export function visibility(c: Caller, o: Order): 'full' | 'masked' | null {
  const mine = capacities(c, o)
  if (mine.has('owner') || mine.has('staff') || mine.has('volunteer')) return 'full'
  // the street office reads a community's orders without residents' phone numbers
  if (has(c, 'street_admin') && o.streetId === c.streetId) return 'masked'
  // a 楼栋长 of their buildings at home (one who moved away keeps no window on the old building)
  if (has(c, 'building_lead') && o.communityId === c.communityId && c.scopes.buildings.includes(o.buildingId)) return 'full'
  if (mine.has('candidate') && o.status === 'open') return 'masked'
  return null
}

/** The order as this caller may see it (phone masked for candidates); null when not visible. */
export function viewFor<T extends Pick<Order, 'contactPhone'>>(c: Caller, o: Order & T): (Order & T) | null {
  const v = visibility(c, o)
  if (v === null) return null
  return v === 'full' ? o : { ...o, contactPhone: maskPhone(o.contactPhone) }
}

/** A 楼栋长 for their buildings, a 网格员 for their grids, an admin anywhere may order for a neighbour. */
export function mayOrderFor(c: Caller, building: { id: string; gridId: string; communityId: string }): boolean {
  return (has(c, 'building_lead') && c.scopes.buildings.includes(building.id)) || managesGrid(c, building)
}

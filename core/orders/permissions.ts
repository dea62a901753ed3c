/**
 * Pure scope checks: in which capacities a caller stands towards an order, and the decisions built on
 * them — send an event, see an order (and its phone), read a grid's queue, order on behalf of a
 * neighbour. No database reads: the server passes the caller (roles and scopes from the users
 * collection) and the order.
 */
import { allow, deny, type Decision } from '../contract/decision'
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

/**
 * The capacity in which the caller may send this event. Refused FORBIDDEN; when they may not even
 * see the order, NOT_FOUND (nothing told about it) — or OTHER_COMMUNITY for staff and admins, who
 * work in several communities and need to know to switch.
 */
export function canSend(c: Caller, o: Order, type: EventType): Decision<'FORBIDDEN' | 'NOT_FOUND' | 'OTHER_COMMUNITY', { actor: Actor }> {
  const mine = capacities(c, o)
  const actor = (EVENT_ACTORS[type] as readonly Actor[]).find((a) => mine.has(a))
  if (actor) return { ok: true, actor }
  if (visibility(c, o)) return deny('FORBIDDEN')
  const works = c.scopes.communities.length > 0 || c.scopes.streets.length > 0
  return works && o.communityId !== c.communityId ? deny('OTHER_COMMUNITY') : deny('NOT_FOUND')
}

/**
 * What the caller may see: 'full' (people on the order, its staff, the volunteer holding it, the
 * 楼栋长 of the building), 'masked' (a candidate looking at an open order: phone hidden), or null.
 */
function visibility(c: Caller, o: Order): 'full' | 'masked' | null {
  const mine = capacities(c, o)
  if (mine.has('owner') || mine.has('staff') || mine.has('volunteer')) return 'full'
  // the street office reads a community's orders without residents' phone numbers
  if (has(c, 'street_admin') && o.streetId === c.streetId) return 'masked'
  // a 楼栋长 of their buildings at home (one who moved away keeps no window on the old building)
  if (has(c, 'building_lead') && o.communityId === c.communityId && c.scopes.buildings.includes(o.buildingId)) return 'full'
  if (mine.has('candidate') && o.status === 'open') return 'masked'
  return null
}

/** See the order as `view` says (phone masked for a candidate); NOT_FOUND when hidden. */
export function canSee(c: Caller, o: Order): Decision<'NOT_FOUND', { view: 'full' | 'masked'; order: Order }> {
  const view = visibility(c, o)
  if (!view) return deny('NOT_FOUND')
  return { ok: true, view, order: view === 'full' ? o : { ...o, contactPhone: maskPhone(o.contactPhone), servedPhone: o.servedPhone && maskPhone(o.servedPhone), volunteerPhone: o.volunteerPhone && maskPhone(o.volunteerPhone) } }
}

/**
 * Read the dispatch queue of the community acted in: an admin any grid (all when none is asked), a
 * street admin too (reading, phones masked), a 网格员 their own grids only.
 */
export function canTriage(c: Caller, gridId?: string): Decision<'FORBIDDEN', { grids: 'all' | string[] }> {
  const whole = has(c, 'admin') || has(c, 'street_admin')
  if (gridId) return whole || c.scopes.grids.includes(gridId) ? { ok: true, grids: [gridId] } : deny('FORBIDDEN')
  if (whole) return { ok: true, grids: 'all' }
  return c.scopes.grids.length ? { ok: true, grids: [...c.scopes.grids] } : deny('FORBIDDEN')
}

/** A 楼栋长 for their buildings, a 网格员 for their grids, an admin anywhere may order for a neighbour. */
export function canOrderFor(c: Caller, building: { id: string; gridId: string; communityId: string }): Decision<'NOT_YOUR_NEIGHBOUR'> {
  const may = (has(c, 'building_lead') && c.scopes.buildings.includes(building.id)) || managesGrid(c, building)
  return may ? allow : deny('NOT_YOUR_NEIGHBOUR')
}

/** In which role someone orders for a neighbour of this building (named in the timeline and as the contact's relation). */
export function proxyRole(c: Caller, building: { id: string; gridId: string; communityId: string }): '楼栋长' | '网格员' | '管理员' {
  if (has(c, 'building_lead') && c.scopes.buildings.includes(building.id)) return '楼栋长'
  return has(c, 'staff') && c.scopes.grids.includes(building.gridId) ? '网格员' : '管理员'
}

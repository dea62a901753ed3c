/**
 * Who may see, publish and manage an event, and who earns its attendance points (pure). One rule for
 * publishing and managing: whoever may publish an event for its audience may run it (attendees, the
 * check-in codes and desk, walk-ins, booths, reconciliation, 核销), and nobody else.
 */
import { allow, deny, type Decision } from '../contract/decision'
import type { Caller } from '../users/permissions'
import { isAdmin, isStaffOf } from '../users/permissions'
import type { Audience } from './model'

/**
 * Admin for anyone; a 网格员 for the whole community or its volunteers (events are community-wide),
 * but for one grid only when it is their own.
 */
export function canPublishFor(c: Caller, audience: Audience): Decision<'FORBIDDEN'> {
  if (isAdmin(c)) return allow
  if (!c.roles.includes('staff')) return deny('FORBIDDEN')
  if (audience.kind === 'grid' && !isStaffOf(c, audience.gridId)) return deny('FORBIDDEN', '只能给自己负责的网格发布活动')
  return allow
}

/** Manage an event: the same rule as publishing it, in the event's community; outside it the answer says whose it is. */
export function canManageEvent(c: Caller, e: { audience: Audience; communityId: string }): Decision<'OTHER_COMMUNITY' | 'NOT_YOUR_EVENT'> {
  if (e.communityId !== c.communityId) return deny('OTHER_COMMUNITY')
  return canPublishFor(c, e.audience).ok ? allow : deny('NOT_YOUR_EVENT')
}

/**
 * Staff who run an event earn no attendance points for it: they could otherwise publish an event,
 * read its code and check themselves in. Their attendance is still recorded.
 */
export const earnsAttendance = (attendee: Caller, e: { audience: Audience; communityId: string }): boolean => !canManageEvent(attendee, e).ok

/** Someone looking at events: their roles and scopes, and the grid they live in (the one caller narrowed). */
export type Viewer = Caller & { gridId?: string | null }

/**
 * The audiences a viewer may see, used alike by the list (as a query) and by the detail: admin all;
 * everyone the community's events and their home grid's; staff also their grids' and volunteers';
 * a street admin reads all of a community of their street;
 * volunteers also volunteers'.
 */
export function visibleAudiences(v: Viewer): 'all' | Audience[] {
  if (isAdmin(v) || v.roles.includes('street_admin')) return 'all'
  const staff = v.roles.includes('staff')
  const grids = new Set([...(v.gridId ? [v.gridId] : []), ...(staff ? v.scopes.grids : [])])
  const out: Audience[] = [{ kind: 'everyone' }, ...[...grids].map((gridId) => ({ kind: 'grid' as const, gridId }))]
  if (staff || v.roles.includes('volunteer')) out.push({ kind: 'volunteers' })
  return out
}

const sameAudience = (a: Audience, b: Audience) => a.kind === b.kind && (a.kind !== 'grid' || (b.kind === 'grid' && a.gridId === b.gridId))

/**
 * See an event: of the community acted in (a resident's is home), for the audiences the viewer is in;
 * otherwise NOT_FOUND (same answer as a missing one, nothing told).
 */
export function canSeeEvent(v: Viewer, e: { audience: Audience; communityId: string }): Decision<'NOT_FOUND'> {
  if (e.communityId !== v.communityId) return deny('NOT_FOUND')
  const seen = visibleAudiences(v)
  return seen === 'all' || seen.some((a) => sameAudience(a, e.audience)) ? allow : deny('NOT_FOUND')
}

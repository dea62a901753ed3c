/**
 * Who may see a dispute (pure): its parties (and whoever reported it for one), its mediators, the 网格员 of its grid and the admin of
 * its community — nobody else, the street office included. A case is never listed publicly; it
 * counts only in aggregates.
 */
import type { Caller } from '../users/caller'
import { canOrderFor } from '../orders/permissions'

export interface DisputeScope {
  communityId: string
  gridId: string
  /** OPENIDs of the parties who have the app (parties without it are names kept by staff). */
  parties: readonly string[]
  mediators: readonly string[]
  /** Who reported it: a party, or a 楼栋长 / 网格员 acting for a neighbour without a phone (who follows it for them). */
  reporter: string
  /** The building a reporter who is not a party acted for (null: the reporter is a party). */
  reportedFor: string | null
}

export type DisputeRole = 'party' | 'reporter' | 'mediator' | 'staff' | 'admin'

/**
 * Whether the caller is the reporter and still follows the case: a party always; whoever acted for a
 * neighbour only while they still may act for that building (canOrderFor: its 楼栋长, a 网格员 of its
 * grid, an admin of its community) — a role given up ends it.
 */
export function reporterFollows(c: Caller, d: DisputeScope): boolean {
  if (d.reporter !== c.openid) return false
  return !d.reportedFor || canOrderFor(c, { id: d.reportedFor, gridId: d.gridId, communityId: d.communityId }).ok
}

/** The caller's part in the case, null when they may not see it. */
export function disputeRoleOf(c: Caller, d: DisputeScope): DisputeRole | null {
  if (c.communityId === d.communityId && c.roles.includes('admin')) return 'admin'
  if (c.communityId === d.communityId && c.roles.includes('staff') && c.scopes.grids.includes(d.gridId)) return 'staff'
  if (d.mediators.includes(c.openid)) return 'mediator'
  if (d.parties.includes(c.openid)) return 'party'
  if (reporterFollows(c, d)) return 'reporter'
  return null
}

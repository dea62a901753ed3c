import type { Role } from '../contract/roles'
import type { ApplicationStatus, Skill, Team, TimeSlot } from './vocab'
import { maskPhone } from './vocab'
import type { UserView } from './schemas'

/** Collection `users`, document id = OPENID. Only the server writes it. */
export interface UserDoc {
  _id: string
  name: string
  /** Stored whole; shown masked to anyone but the owner. */
  phone: string
  buildingId: string
  unitId: string
  /** Derived from the building when the profile is saved (staff scoping queries use it). */
  gridId: string
  /** Stored roles; always includes 'resident'; never 'guest'. */
  roles: Role[]
  /** 网格员: grids served. */
  grids: string[]
  /** 楼栋长: buildings served. */
  buildings: string[]
  volunteer: VolunteerApplication | null
  /** Free tags set by staff or the seed, e.g. 独居老人. */
  tags?: string[]
  /** Who made this person an admin (nobody approves adjustments asked for by the admin who appointed them). */
  adminBy?: string
  /** Set while the account is being deleted (the steps are resumable; the document goes last). */
  deletion?: { tombstone: string; startedAt: number }
  /** When the home grid last changed (a profile moved to another building's grid): staff credits wait for approval for a while. */
  gridSince?: number
  createdAt: number
  updatedAt: number
  /** timeKey(createdAt, openid): the order of the residents list. */
  sortKey: string
}

export interface VolunteerApplication {
  status: ApplicationStatus
  skills: Skill[]
  availableTimes: TimeSlot[]
  team?: Team
  intro?: string
  appliedAt: number
  /** timeKey(appliedAt, openid): the order of the applications list. */
  sortKey: string
  reviewedAt?: number
  reviewedBy?: string
  reason?: string
}

/** Roles of a caller: guest when there is no profile. */
export function rolesOf(user: Pick<UserDoc, 'roles'> | null | undefined): Role[] {
  if (!user) return ['guest']
  const roles = new Set<Role>(user.roles ?? [])
  roles.add('resident')
  roles.delete('guest')
  return [...roles]
}

export function scopesOf(user: Pick<UserDoc, 'grids' | 'buildings' | 'roles'> | null | undefined): { grids: string[]; buildings: string[] } {
  if (!user) return { grids: [], buildings: [] }
  return {
    grids: user.roles?.includes('staff') ? [...(user.grids ?? [])] : [],
    buildings: user.roles?.includes('building_lead') ? [...(user.buildings ?? [])] : [],
  }
}

/** What a viewer may see of a user: everything but the whole phone unless it is their own. */
export function viewUser(doc: UserDoc, viewerOpenid: string): UserView {
  const own = doc._id === viewerOpenid
  return {
    openid: doc._id,
    name: doc.name,
    phone: own ? doc.phone : maskPhone(doc.phone),
    buildingId: doc.buildingId,
    unitId: doc.unitId,
    gridId: doc.gridId,
    roles: rolesOf(doc),
    scopes: scopesOf(doc),
    volunteer: doc.volunteer ?? null,
    createdAt: doc.createdAt,
  }
}

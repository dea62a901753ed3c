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
  /** 门牌号, e.g. 302 (optional; services at the door need it). */
  room?: string
  /** Derived from the building when the profile is saved (staff scoping queries use it). */
  gridId: string
  /** Home community and its street, from the building (a person belongs to one home community). */
  communityId: string
  streetId: string
  /** Stored roles; always includes 'resident'; never 'guest'. */
  roles: Role[]
  /** 网格员: grids served. */
  grids: string[]
  /** 楼栋长: buildings served. */
  buildings: string[]
  /** 网格员: the communities their grids are in. */
  staffOf?: string[]
  /** 管理员: the communities they administer. */
  adminOf?: string[]
  /** 街道管理员: the streets they oversee. */
  streets?: string[]
  /** The community they chose to act in (staff and admins of several, street admins); else home. */
  acting?: { communityId: string; streetId: string }
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

export interface Scopes {
  streets: string[]
  /** Where they act as staff or admin (union of staffOf and adminOf). */
  communities: string[]
  staffOf: string[]
  adminOf: string[]
  grids: string[]
  buildings: string[]
}

type ScopeFields = 'grids' | 'buildings' | 'roles' | 'staffOf' | 'adminOf' | 'streets'

/** Scopes only with the role that gives them. */
export function scopesOf(user: Pick<UserDoc, ScopeFields> | null | undefined): Scopes {
  const has = (r: Role) => !!user?.roles?.includes(r)
  const list = (ok: boolean, v: string[] | undefined) => (ok ? [...(v ?? [])] : [])
  const staffOf = list(has('staff'), user?.staffOf)
  const adminOf = list(has('admin'), user?.adminOf)
  return {
    streets: list(has('street_admin'), user?.streets),
    communities: [...new Set([...staffOf, ...adminOf])],
    staffOf,
    adminOf,
    grids: list(has('staff'), user?.grids),
    buildings: list(has('building_lead'), user?.buildings),
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
    room: doc.room ?? '',
    gridId: doc.gridId,
    communityId: doc.communityId,
    roles: rolesOf(doc),
    scopes: scopesOf(doc),
    volunteer: doc.volunteer ?? null,
    createdAt: doc.createdAt,
  }
}

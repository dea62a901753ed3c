import { timeKey } from '../contract/paging'
import type { UserDoc } from '../users/model'
import type { BuildingDoc, GridDoc } from '../community/structure'
import type { CommunityDoc, StreetDoc } from '../community/places'
import { communityOfBuilding, DEMO_COMMUNITIES, DEMO_PEOPLE, DEMO_STREET, demoRoom, gridOfBuilding } from './community'
import type { Persona } from './personas'
import { volunteerEntryId, type RosterDoc } from '../disputes/roster'

/** Fixed clock for seeded documents, so two seeds write identical data (idempotent). */
export const SEED_EPOCH = Date.UTC(2025, 0, 6, 1, 0, 0)

export interface SeedDocs {
  streets: StreetDoc[]
  communities: CommunityDoc[]
  grids: GridDoc[]
  buildings: BuildingDoc[]
  users: UserDoc[]
  /** 幸福里's mediators: a 银发先锋 volunteer and professionals who come on fixed days. */
  mediators?: RosterDoc[]
}

function userDoc(p: Persona, i: number): UserDoc {
  const createdAt = SEED_EPOCH + i * 60_000
  const gridId = gridOfBuilding(p.buildingId!)
  const communityId = communityOfBuilding(p.buildingId!)
  if (!gridId || !communityId) throw new Error(`demo person ${p.openid} lives in unknown building ${p.buildingId}`)
  const volunteer = p.volunteer
    ? {
        ...p.volunteer,
        skills: [...p.volunteer.skills],
        availableTimes: [...p.volunteer.availableTimes],
        appliedAt: createdAt + 3_600_000,
        sortKey: timeKey(createdAt + 3_600_000, p.openid),
        ...(p.volunteer.status === 'approved' ? { reviewedAt: createdAt + 7_200_000, reviewedBy: staffOf(gridId) } : {}),
      }
    : null
  return {
    _id: p.openid,
    name: p.name,
    phone: p.phone!,
    buildingId: p.buildingId!,
    unitId: p.unitId!,
    room: demoRoom(p.openid),
    gridId,
    communityId,
    streetId: DEMO_STREET.id,
    roles: [...p.roles],
    grids: [...(p.grids ?? [])],
    buildings: [...(p.buildings ?? [])],
    // in the demo a 网格员 and an admin work in their home community; the street admin over the street
    ...(p.roles.includes('staff') ? { staffOf: [communityId] } : {}),
    ...(p.roles.includes('admin') ? { adminOf: [communityId] } : {}),
    ...(p.roles.includes('street_admin') ? { streets: [DEMO_STREET.id] } : {}),
    volunteer,
    ...(p.tags ? { tags: [...p.tags] } : {}),
    createdAt,
    updatedAt: createdAt,
    sortKey: timeKey(createdAt, p.openid),
  }
}

function staffOf(gridId: string): string {
  return DEMO_PEOPLE.find((p) => p.grids?.includes(gridId))?.openid ?? 'demo-admin'
}

/** Every document of the demo street (three communities), as the seed writes it. Pure and deterministic. */
export function demoSeedDocs(): SeedDocs {
  return {
    streets: [{ _id: DEMO_STREET.id, name: DEMO_STREET.name, streetId: DEMO_STREET.id }],
    communities: DEMO_COMMUNITIES.map((c) => ({ _id: c.id, name: c.name, streetId: DEMO_STREET.id, communityId: c.id, order: c.order, phone: c.phone })),
    grids: DEMO_COMMUNITIES.flatMap((c) => c.grids.map((g) => ({ _id: g.id, communityId: c.id, name: g.name, order: g.order }))),
    buildings: DEMO_COMMUNITIES.flatMap((c) =>
      c.buildings.map((b) => ({ _id: b.id, communityId: c.id, gridId: b.gridId, name: b.name, order: b.order, unitCount: b.unitCount })),
    ),
    users: DEMO_PEOPLE.map(userDoc),
    mediators: demoMediators(),
  }
}

function demoMediators(): RosterDoc[] {
  const ma = DEMO_PEOPLE.find((p) => p.name === '马志华')!
  const at = { communityId: 'xingfuli', active: true, updatedAt: SEED_EPOCH }
  return [
    { ...at, _id: volunteerEntryId('xingfuli', ma.openid), kind: 'volunteer', openid: ma.openid, name: ma.name, title: '银发先锋', phone: ma.phone!, days: '每周二、四上午' },
    { ...at, _id: 'mp-demo-mediator', kind: 'professional', openid: null, name: '周淑芬', title: '人民调解员', phone: '13700001001', days: '每周三上午（人民调解工作室）' },
    { ...at, _id: 'mp-demo-lawyer', kind: 'professional', openid: null, name: '钱明', title: '律师', phone: '13700001002', days: '每月5日上午' },
  ]
}

import { timeKey } from '../contract/paging'
import type { UserDoc } from '../users/model'
import type { BuildingDoc, GridDoc } from '../community/structure'
import { DEMO_BUILDINGS, DEMO_COMMUNITY, DEMO_GRIDS, DEMO_PEOPLE, gridOfBuilding } from './community'
import type { Persona } from './personas'

/** Fixed clock for seeded documents, so two seeds write identical data (idempotent). */
export const SEED_EPOCH = Date.UTC(2025, 0, 6, 1, 0, 0)

export interface SeedDocs {
  community: { _id: string; name: string; code: string }
  grids: GridDoc[]
  buildings: BuildingDoc[]
  users: UserDoc[]
}

function userDoc(p: Persona, i: number): UserDoc {
  const createdAt = SEED_EPOCH + i * 60_000
  const gridId = gridOfBuilding(p.buildingId!)
  if (!gridId) throw new Error(`demo person ${p.openid} lives in unknown building ${p.buildingId}`)
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
    gridId,
    roles: [...p.roles],
    grids: [...(p.grids ?? [])],
    buildings: [...(p.buildings ?? [])],
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

/** Every document of the demo community, as the seed writes it. Pure and deterministic. */
export function demoSeedDocs(): SeedDocs {
  return {
    community: { _id: 'main', name: DEMO_COMMUNITY.name, code: DEMO_COMMUNITY.id },
    grids: DEMO_GRIDS.map((g) => ({ _id: g.id, name: g.name, order: g.order })),
    buildings: DEMO_BUILDINGS.map((b) => ({ _id: b.id, gridId: b.gridId, name: b.name, order: b.order, unitCount: b.unitCount })),
    users: DEMO_PEOPLE.map(userDoc),
  }
}

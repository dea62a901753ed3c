import type { BuildingView, GridView, Structure, UnitView } from './contract'

/** Stored shapes (collections `community`, `grids`, `buildings`; doc id = the entity id). */
export interface GridDoc {
  _id: string
  communityId: string
  name: string
  order: number
}
export interface BuildingDoc {
  _id: string
  communityId: string
  gridId: string
  name: string
  order: number
  unitCount: number
}

/** Unit ids are `<buildingId>-<n>`, names `n单元`. */
export function unitsOf(buildingId: string, unitCount: number): UnitView[] {
  return Array.from({ length: unitCount }, (_, i) => ({ id: `${buildingId}-${i + 1}`, name: `${i + 1}单元` }))
}

export function toBuildingView(b: Omit<BuildingDoc, 'communityId'>): BuildingView {
  return { id: b._id, gridId: b.gridId, name: b.name, order: b.order, units: unitsOf(b._id, b.unitCount) }
}

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) => a.order - b.order || a.id.localeCompare(b.id)

/** The tree the pickers show, sorted by `order` then id. Buildings of an unknown grid are left out. */
export function buildStructure(community: Omit<Structure['community'], 'phone'> & { phone?: string }, grids: GridDoc[], buildings: BuildingDoc[]): Structure {
  const tree: GridView[] = grids.map((g) => ({ id: g._id, name: g.name, order: g.order, buildings: [] }))
  const byId = new Map(tree.map((g) => [g.id, g]))
  for (const b of buildings) byId.get(b.gridId)?.buildings.push(toBuildingView(b))
  for (const g of tree) g.buildings.sort(byOrder)
  return { community: { ...community, phone: community.phone ?? '' }, grids: tree.sort(byOrder) }
}

/** Lookups over a structure: which grid a building is in, whether a unit exists. */
export function indexStructure(s: Structure) {
  const buildings = new Map<string, BuildingView>()
  for (const g of s.grids) for (const b of g.buildings) buildings.set(b.id, b)
  return {
    building: (id: string) => buildings.get(id),
    gridOf: (buildingId: string) => buildings.get(buildingId)?.gridId,
    hasGrid: (id: string) => s.grids.some((g) => g.id === id),
    hasUnit: (buildingId: string, unitId: string) => !!buildings.get(buildingId)?.units.some((u) => u.id === unitId),
  }
}
export type StructureIndex = ReturnType<typeof indexStructure>

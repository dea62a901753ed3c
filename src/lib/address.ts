import type { Structure, BuildingView } from '@core/community/contract'

export function allBuildings(s: Structure | undefined): BuildingView[] {
  return s ? s.grids.flatMap((g) => g.buildings) : []
}

/** "3号楼 1单元" (ids are shown only if the structure doesn't know them). */
export function addressText(s: Structure | undefined, buildingId: string, unitId: string): string {
  const b = allBuildings(s).find((x) => x.id === buildingId)
  const u = b?.units.find((x) => x.id === unitId)
  return `${b?.name ?? buildingId} ${u?.name ?? unitId}`
}

export function gridName(s: Structure | undefined, gridId: string): string {
  return s?.grids.find((g) => g.id === gridId)?.name ?? gridId
}

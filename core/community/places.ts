/**
 * The hierarchy above the grids: 街道 (street) → 社区 (community) → 网格 → 楼栋 → 单元.
 * Collections `streets` and `community` (doc id = the entity id). Every other stored document
 * carries the `communityId` (and `streetId` where it is aggregated) it was created in, copied at
 * creation, so moving things later does not rewrite history.
 */
export interface StreetDoc {
  _id: string
  name: string
  /** Every document carries its street; a street's own is itself. */
  streetId: string
}

export interface CommunityDoc {
  _id: string
  name: string
  streetId: string
  /** Every document carries its community; a community's own is itself. */
  communityId: string
  order: number
  /** The community office's phone, set by its admin (shown on the home page for one-tap help). */
  phone?: string
}

/** Where something happens: the community and the street it belongs to. */
export interface Place {
  communityId: string
  streetId: string
}

export const placeOf = (doc: Pick<CommunityDoc, '_id' | 'streetId'>): Place => ({ communityId: doc._id, streetId: doc.streetId })

const byOrder = <T extends { order?: number; _id: string }>(a: T, b: T) => (a.order ?? 0) - (b.order ?? 0) || a._id.localeCompare(b._id)

/** Streets with their communities, in display order (communities of an unknown street are left out). */
export function streetsTree(streets: StreetDoc[], communities: CommunityDoc[]) {
  return [...streets].sort(byOrder).map((s) => ({
    id: s._id,
    name: s.name,
    communities: communities.filter((c) => c.streetId === s._id).sort(byOrder).map((c) => ({ id: c._id, name: c.name })),
  }))
}

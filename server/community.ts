/** The hierarchy (streets, communities) and one community's structure, shared by the functions that need it. */
import { BUILDINGS, COMMUNITY, GRIDS, STREETS } from '../core/collections'
import { commonError } from '../core/contract/errors'
import type { CommunityDoc, Place, StreetDoc } from '../core/community/places'
import { buildStructure, type BuildingDoc, type GridDoc } from '../core/community/structure'
import type { Structure } from '../core/community/contract'
import type { Caller } from '../core/users/caller'
import { getOrNull, rows, type Db, type Tx } from './db'

export { BUILDINGS, COMMUNITY, GRIDS, STREETS }

/** One community's tree in three reads (a community has tens of buildings, well under the limits). */
export async function loadStructure(db: Db, communityId: string): Promise<Structure> {
  const [community, grids, buildings] = await Promise.all([
    getOrNull<CommunityDoc>(db, COMMUNITY, communityId),
    rows<GridDoc>(db.collection(GRIDS).where({ communityId }).limit(1000)),
    rows<BuildingDoc>(db.collection(BUILDINGS).where({ communityId }).limit(1000)),
  ])
  if (!community) throw commonError('NOT_FOUND')
  return buildStructure({ id: community._id, name: community.name, streetId: community.streetId, phone: community.phone ?? '' }, grids, buildings)
}

/** Every street with its communities (a deployment has a few streets of tens of communities). */
export async function loadStreets(db: Db): Promise<{ streets: StreetDoc[]; communities: CommunityDoc[] }> {
  const [streets, communities] = await Promise.all([rows<StreetDoc>(db.collection(STREETS).limit(100)), rows<CommunityDoc>(db.collection(COMMUNITY).limit(1000))])
  return { streets, communities }
}

export async function mustGetCommunity(db: Db | Tx, id: string): Promise<CommunityDoc> {
  const c = await getOrNull<CommunityDoc>(db, COMMUNITY, id)
  if (!c) throw commonError('NOT_FOUND')
  return c
}

/** The community acted in; a caller without one (a guest) cannot do community business. */
export function mustPlace(caller: Caller): Place {
  if (!caller.communityId || !caller.streetId) throw commonError('NOT_REGISTERED')
  return { communityId: caller.communityId, streetId: caller.streetId }
}

/** A document of the community acted in, or OTHER_COMMUNITY (a street admin's reads go through `mayRead`). */
export function mustBeHere<T extends { communityId?: string }>(caller: Caller, doc: T): T {
  if (doc.communityId !== caller.communityId) throw commonError('OTHER_COMMUNITY')
  return doc
}

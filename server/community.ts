/** The community's structure (grids, buildings, units), shared by the functions that need it. */
import { BUILDINGS, COMMUNITY, GRIDS } from '../core/collections'
import { buildStructure, type BuildingDoc, type GridDoc } from '../core/community/structure'
import type { Structure } from '../core/community/contract'
import { getOrNull, rows, type Db } from './db'

export { BUILDINGS, COMMUNITY, GRIDS }
/** The single community document's id (this app serves one community per cloud env). */
export const COMMUNITY_DOC = 'main'

/** The whole tree in three reads (a community has tens of buildings, well under the limits). */
export async function loadStructure(db: Db): Promise<Structure> {
  const [community, grids, buildings] = await Promise.all([
    getOrNull<{ _id: string; name: string }>(db, COMMUNITY, COMMUNITY_DOC),
    rows<GridDoc>(db.collection(GRIDS).limit(1000)),
    rows<BuildingDoc>(db.collection(BUILDINGS).limit(1000)),
  ])
  return buildStructure({ id: COMMUNITY_DOC, name: community?.name ?? '我们的社区' }, grids, buildings)
}

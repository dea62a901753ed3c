import { community } from '../../core/community/contract'
import { createFunction } from '../../server/runtime'
import { structure } from './actions/structure'
import { upsertBuilding, upsertGrid } from './actions/upsert'

export const main = createFunction(community, { structure, upsertGrid, upsertBuilding })

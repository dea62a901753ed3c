import { community } from '../../core/community/contract'
import { createFunction } from '../../server/runtime'
import { streets, structure } from './actions/structure'
import { setPhone, upsertBuilding, upsertGrid } from './actions/upsert'

export const main = createFunction(community, { streets, structure, upsertGrid, upsertBuilding, setPhone })

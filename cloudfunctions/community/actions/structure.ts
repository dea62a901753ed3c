import type { Handler } from '../../../server/runtime'
import type { community } from '../../../core/community/contract'
import { streetsTree } from '../../../core/community/places'
import { loadStreets, loadStructure } from '../../../server/community'

export const streets: Handler<typeof community.streets> = async (ctx) => {
  const { streets, communities } = await loadStreets(ctx.db)
  return { streets: streetsTree(streets, communities) }
}

/** Anyone may read a community's buildings (to pick an address); without one asked, where the caller acts, else the first community. */
export const structure: Handler<typeof community.structure> = async (ctx, input) => {
  let id = input.communityId ?? ctx.caller.communityId
  if (!id) {
    const { streets, communities } = await loadStreets(ctx.db)
    id = streetsTree(streets, communities)[0]?.communities[0]?.id ?? ''
  }
  return loadStructure(ctx.db, id)
}

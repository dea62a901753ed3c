import { community, communityError } from '../../../core/community/contract'
import { toBuildingView, type BuildingDoc, type GridDoc } from '../../../core/community/structure'
import { getOrNull, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { BUILDINGS, GRIDS } from '../../../server/community'

export const upsertGrid: Handler<typeof community.upsertGrid> = async (ctx, input) => {
  const doc = { name: input.name, order: input.order, updatedAt: ctx.now(), updatedBy: ctx.openid }
  await ctx.db.collection(GRIDS).doc(input.id).set({ data: doc })
  return { id: input.id, name: input.name, order: input.order }
}

/** Units only grow and a building stays in its grid: users store unit and grid ids. */
export const upsertBuilding: Handler<typeof community.upsertBuilding> = (ctx, input) =>
  tx(ctx.db, async (t) => {
    const [grid, old] = await Promise.all([getOrNull<GridDoc>(t, GRIDS, input.gridId), getOrNull<BuildingDoc>(t, BUILDINGS, input.id)])
    if (!grid) throw communityError('UNKNOWN_GRID')
    if (old && old.gridId !== input.gridId) throw communityError('BUILDING_GRID_FIXED')
    if (old && old.unitCount > input.unitCount) throw communityError('UNITS_CANNOT_SHRINK')
    const doc: Omit<BuildingDoc, '_id'> = { gridId: input.gridId, name: input.name, order: input.order, unitCount: input.unitCount }
    await t.collection(BUILDINGS).doc(input.id).set({ data: { ...doc, updatedAt: ctx.now(), updatedBy: ctx.openid } })
    return toBuildingView({ _id: input.id, ...doc })
  })

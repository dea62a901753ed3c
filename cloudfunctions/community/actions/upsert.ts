import { community, communityError } from '../../../core/community/contract'
import { toBuildingView, type BuildingDoc, type GridDoc } from '../../../core/community/structure'
import { getOrNull, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { BUILDINGS, COMMUNITY, GRIDS, mustBeHere, mustPlace } from '../../../server/community'

/** A grid of the admin's community; an id another community uses is OTHER_COMMUNITY. */
export const upsertGrid: Handler<typeof community.upsertGrid> = (ctx, input) =>
  tx(ctx.db, async (t) => {
    const { communityId } = mustPlace(ctx.caller)
    const old = await getOrNull<GridDoc>(t, GRIDS, input.id)
    if (old) mustBeHere(ctx.caller, old)
    await t.collection(GRIDS).doc(input.id).set({ data: { communityId, name: input.name, order: input.order, updatedAt: ctx.now(), updatedBy: ctx.openid } })
    return { id: input.id, name: input.name, order: input.order }
  })

/** Units only grow and a building stays in its grid: users store unit and grid ids. */
export const upsertBuilding: Handler<typeof community.upsertBuilding> = (ctx, input) =>
  tx(ctx.db, async (t) => {
    const { communityId } = mustPlace(ctx.caller)
    const [grid, old] = await Promise.all([getOrNull<GridDoc>(t, GRIDS, input.gridId), getOrNull<BuildingDoc>(t, BUILDINGS, input.id)])
    if (!grid) throw communityError('UNKNOWN_GRID')
    mustBeHere(ctx.caller, grid)
    if (old) mustBeHere(ctx.caller, old)
    if (old && old.gridId !== input.gridId) throw communityError('BUILDING_GRID_FIXED')
    if (old && old.unitCount > input.unitCount) throw communityError('UNITS_CANNOT_SHRINK')
    const doc: Omit<BuildingDoc, '_id'> = { communityId, gridId: input.gridId, name: input.name, order: input.order, unitCount: input.unitCount }
    await t.collection(BUILDINGS).doc(input.id).set({ data: { ...doc, updatedAt: ctx.now(), updatedBy: ctx.openid } })
    return toBuildingView({ _id: input.id, ...doc })
  })

/** The phone of the community the admin acts in (one field of its own document). */
export const setPhone: Handler<typeof community.setPhone> = async (ctx, input) => {
  const { communityId } = mustPlace(ctx.caller)
  await ctx.db.collection(COMMUNITY).doc(communityId).update({ data: { phone: input.phone, updatedAt: ctx.now(), updatedBy: ctx.openid } })
  return { communityId, phone: input.phone }
}

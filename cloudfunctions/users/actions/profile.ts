import { timeKey } from '../../../core/contract/paging'
import { users, usersError } from '../../../core/users/contract'
import { scopesOf, viewUser, type UserDoc } from '../../../core/users/model'
import { unitsOf, type BuildingDoc } from '../../../core/community/structure'
import { USERS } from '../../../server/context'
import { getOrNull, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { BUILDINGS, mustGetCommunity } from '../../../server/community'
import { mayActIn } from '../../../core/users/caller'
import { saveUser } from '../store'

export const me: Handler<typeof users.me> = async (ctx) => ({
  profile: ctx.user ? viewUser(ctx.user, ctx.openid) : null,
  roles: ctx.roles,
  scopes: scopesOf(ctx.user),
  place: ctx.caller.communityId ? { communityId: ctx.caller.communityId, streetId: ctx.caller.streetId! } : null,
})

/**
 * Creates the profile on first save (the caller becomes a resident); later saves change only these
 * fields. The building decides the grid and the home community (and its street).
 */
export const updateProfile: Handler<typeof users.updateProfile> = async (ctx, input) => {
  const building = await getOrNull<BuildingDoc>(ctx.db, BUILDINGS, input.buildingId)
  if (!building) throw usersError.at('buildingId', 'UNKNOWN_BUILDING')
  if (!unitsOf(building._id, building.unitCount).some((u) => u.id === input.unitId)) throw usersError.at('unitId', 'UNKNOWN_UNIT')
  const { _id: communityId, streetId } = await mustGetCommunity(ctx.db, building.communityId)
  const home = { gridId: building.gridId, communityId, streetId }
  const saved = await tx(ctx.db, async (t) => {
    const old = await getOrNull<UserDoc>(t, USERS, ctx.openid)
    const base: UserDoc = old ?? {
      _id: ctx.openid,
      roles: ['resident'],
      grids: [],
      buildings: [],
      volunteer: null,
      createdAt: ctx.now(),
      sortKey: timeKey(ctx.now(), ctx.openid),
      ...input,
      ...home,
      updatedAt: ctx.now(),
    }
    const moved = old && old.gridId !== home.gridId ? { gridSince: ctx.now() } : {}
    // a move to another community ends the choice of where to act (it was made from the old home)
    const acting = old && old.communityId !== communityId ? { acting: undefined } : {}
    return saveUser(t, { ...base, ...input, ...home, ...moved, ...acting, updatedAt: ctx.now() })
  })
  return viewUser(saved, ctx.openid)
}

/** Act in another community (staff and admins of several, a street admin in a community of their street). */
export const actIn: Handler<typeof users.actIn> = async (ctx, input) => {
  const target = await mustGetCommunity(ctx.db, input.communityId)
  const place = { communityId: target._id, streetId: target.streetId }
  if (!mayActIn(ctx.caller.scopes, ctx.caller.home, place)) throw usersError('NOT_YOUR_COMMUNITY')
  await tx(ctx.db, async (t) => {
    const me = await getOrNull<UserDoc>(t, USERS, ctx.openid)
    if (!me) throw usersError('NOT_REGISTERED')
    await saveUser(t, { ...me, acting: place, updatedAt: ctx.now() })
  })
  return place
}

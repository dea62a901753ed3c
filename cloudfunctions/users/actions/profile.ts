import { timeKey } from '../../../core/contract/paging'
import { users, usersError } from '../../../core/users/contract'
import { scopesOf, viewUser, type UserDoc } from '../../../core/users/model'
import { indexStructure } from '../../../core/community/structure'
import { USERS } from '../../../server/context'
import { getOrNull, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { loadStructure } from '../../../server/community'
import { saveUser } from '../store'

export const me: Handler<typeof users.me> = async (ctx) => ({
  profile: ctx.user ? viewUser(ctx.user, ctx.openid) : null,
  roles: ctx.roles,
  scopes: scopesOf(ctx.user),
})

/** Creates the profile on first save (the caller becomes a resident); later saves change only these fields. */
export const updateProfile: Handler<typeof users.updateProfile> = async (ctx, input) => {
  const place = indexStructure(await loadStructure(ctx.db))
  const gridId = place.gridOf(input.buildingId)
  if (!gridId) throw usersError.at('buildingId', 'UNKNOWN_BUILDING')
  if (!place.hasUnit(input.buildingId, input.unitId)) throw usersError.at('unitId', 'UNKNOWN_UNIT')
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
      gridId,
      updatedAt: ctx.now(),
    }
    const moved = old && old.gridId !== gridId ? { gridSince: ctx.now() } : {}
    return saveUser(t, { ...base, ...input, gridId, ...moved, updatedAt: ctx.now() })
  })
  return viewUser(saved, ctx.openid)
}

import { users, usersError } from '../../../core/users/contract'
import { indexStructure } from '../../../core/community/structure'
import { viewUser } from '../../../core/users/model'
import { applyGrant, canGrant, canTouch, planRevoke } from '../../../core/users/permissions'
import { enforce } from '../../../core/contract/decision'
import { tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { loadStructure, mustPlace } from '../../../server/community'
import { mustGetUser, saveUser } from '../store'

/** Grids and buildings are those of the community acted in; the role holds there (a street admin's, in its street). */
export const grantRole: Handler<typeof users.grantRole> = async (ctx, input) => {
  const at = mustPlace(ctx.caller)
  const place = indexStructure(await loadStructure(ctx.db, at.communityId))
  if (input.role === 'staff' && !input.grids.every(place.hasGrid)) throw usersError('UNKNOWN_GRID')
  if (input.role === 'building_lead' && !input.buildings.every((b) => place.gridOf(b))) throw usersError('UNKNOWN_BUILDING')
  enforce(canGrant(ctx.caller, input, place.gridOf), usersError)
  const saved = await tx(ctx.db, async (t) => {
    const target = await mustGetUser(t, input.openid, 'TARGET_NOT_REGISTERED')
    enforce(canTouch(ctx.caller, target, input.role), usersError)
    const adminBy = input.role === 'admin' && !target.roles.includes('admin') ? { adminBy: ctx.openid } : {}
    return saveUser(t, { ...target, ...applyGrant(target, input, at), ...adminBy, updatedAt: ctx.now() })
  })
  return viewUser(saved, ctx.openid)
}

/** Revoking volunteer marks the application rejected with a note, so the person may apply again later. */
export const revokeRole: Handler<typeof users.revokeRole> = async (ctx, input) => {
  const place = indexStructure(await loadStructure(ctx.db, mustPlace(ctx.caller).communityId))
  const saved = await tx(ctx.db, async (t) => {
    const target = await mustGetUser(t, input.openid, 'TARGET_NOT_REGISTERED')
    enforce(canTouch(ctx.caller, target, input.role), usersError)
    const { next } = enforce(planRevoke(ctx.caller, target, input, place), usersError)
    const volunteer =
      input.role === 'volunteer' && target.volunteer
        ? { ...target.volunteer, status: 'rejected' as const, reason: '志愿者身份已撤销', reviewedAt: ctx.now(), reviewedBy: ctx.openid }
        : target.volunteer
    return saveUser(t, { ...target, ...next, volunteer, updatedAt: ctx.now() })
  })
  return viewUser(saved, ctx.openid)
}

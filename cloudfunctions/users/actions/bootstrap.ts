import { SETTINGS } from '../../../core/collections'
import { users, usersError } from '../../../core/users/contract'
import { bootstrapConfig, bootstrapRoute } from '../../../core/users/bootstrap'
import { viewUser } from '../../../core/users/model'
import { getOrNull, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustGetUser, saveUser } from '../store'

export { SETTINGS }
/** Marks the invite code as spent: { usedBy, usedAt }. */
export const INVITE_DOC = 'admin_invite'

export const bootstrapAdmin: Handler<typeof users.bootstrapAdmin> = async (ctx, input) => {
  const route = bootstrapRoute(bootstrapConfig(process.env), ctx.openid, input.code)
  if (route === 'INVITE_INVALID') throw usersError('INVITE_INVALID')
  const saved = await tx(ctx.db, async (t) => {
    const me = await mustGetUser(t, ctx.openid, 'NOT_REGISTERED')
    if (route === 'invite') {
      const used = await getOrNull<{ usedBy: string }>(t, SETTINGS, INVITE_DOC)
      if (used && used.usedBy !== ctx.openid) throw usersError('INVITE_USED')
      if (!used) await t.collection(SETTINGS).doc(INVITE_DOC).set({ data: { usedBy: ctx.openid, usedAt: ctx.now() } })
    }
    // the first admin administers their home community
    if (me.roles.includes('admin') && me.adminOf?.includes(me.communityId)) return me
    const roles = me.roles.includes('admin') ? me.roles : [...me.roles, 'admin' as const]
    return saveUser(t, { ...me, roles, adminOf: [...new Set([...(me.adminOf ?? []), me.communityId])], updatedAt: ctx.now() })
  })
  return viewUser(saved, ctx.openid)
}

import type { users } from '../../../core/users/contract'
import { viewUser, type UserDoc } from '../../../core/users/model'
import { mustGridScope } from '../../../core/users/permissions'
import { USERS } from '../../../server/context'
import { countOf, rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const listUsers: Handler<typeof users.listUsers> = async (ctx, input) => {
  const scope = mustGridScope(ctx.caller, input.gridId)
  if (input.role === 'guest') return { items: [], total: 0 }
  const _ = ctx.db.command
  const where: Record<string, unknown> = { communityId: mustPlace(ctx.caller).communityId }
  if (scope !== 'all') where.gridId = _.in(scope)
  if (input.buildingId) where.buildingId = input.buildingId
  if (input.role) where.roles = input.role
  if (input.keyword) where.name = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' })
  const q = ctx.db.collection(USERS).where(where)
  const [docs, total] = await Promise.all([
    rows<UserDoc>(q.orderBy('createdAt', 'asc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize)),
    countOf(q),
  ])
  return { items: docs.map((d) => viewUser(d, ctx.openid)), total }
}

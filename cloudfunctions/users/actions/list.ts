import type { users } from '../../../core/users/contract'
import { viewUser, type UserDoc } from '../../../core/users/model'
import { mustGridScope } from '../../../core/users/permissions'
import { USERS } from '../../../server/context'
import { countOf } from '../../../server/db'
import { pageBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const listUsers: Handler<typeof users.listUsers> = async (ctx, input) => {
  const scope = mustGridScope(ctx.caller, input.gridId)
  if (input.role === 'guest') return { items: [], next: null, total: 0 }
  const _ = ctx.db.command
  const where: Record<string, unknown> = { communityId: mustPlace(ctx.caller).communityId }
  if (scope !== 'all') where.gridId = _.in(scope)
  if (input.buildingId) where.buildingId = input.buildingId
  if (input.role) where.roles = input.role
  if (input.keyword) where.name = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' })
  const [page, total] = await Promise.all([
    pageBy<UserDoc>(ctx.db, input, { collection: USERS, where, key: 'sortKey', dir: 'asc' }),
    countOf(ctx.db.collection(USERS).where(where)),
  ])
  return { items: page.items.map((d) => viewUser(d, ctx.openid)), next: page.next, total }
}

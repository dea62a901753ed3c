/** People's names for lists (who added a walk-in, who acted in the audit trail), in one read. */
import type { UserDoc } from '../core/users/model'
import { USERS, type Ctx } from './context'
import { rows } from './db'

/** Names of a handful of staff (who added a walk-in, who acted), by openid. */
export async function staffNames(ctx: Pick<Ctx, 'db'>, ids: (string | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))]
  if (!unique.length) return new Map()
  const users = await rows<UserDoc>(ctx.db.collection(USERS).where({ _id: ctx.db.command.in(unique) }).limit(unique.length))
  return new Map(users.map((u) => [u._id, u.name]))
}

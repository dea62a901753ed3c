/** People's names for lists (who added a walk-in, who acted in the audit trail), in one read. */
import type { UserDoc } from '../core/users/model'
import { USERS, type Ctx } from './context'
import { rows, type Db } from './db'

/** Names of a handful of staff (who added a walk-in, who acted), by openid. */
export async function staffNames(ctx: Pick<Ctx, 'db'>, ids: (string | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))]
  if (!unique.length) return new Map()
  const users = await rows<UserDoc>(ctx.db.collection(USERS).where({ _id: ctx.db.command.in(unique) }).limit(unique.length))
  return new Map(users.map((u) => [u._id, u.name]))
}

/** The 网格员 of a grid in its community (who hear of new and overdue orders, a dispute's 回访 due), except `except`. */
export async function gridStaff(db: Db, o: { gridId: string; communityId: string }, except?: string): Promise<string[]> {
  const staff = await rows<Pick<UserDoc, '_id'>>(db.collection(USERS).where({ roles: 'staff', grids: o.gridId, staffOf: o.communityId }).field({ _id: true }).limit(20))
  return staff.map((u) => u._id).filter((id) => id !== except)
}

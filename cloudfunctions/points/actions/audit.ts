/** The audit trail, newest first, for the admin (server/audit.ts writes it). */
import type { pointsFn } from '../../../core/points/contract'
import { AUDIT, type AuditDoc } from '../../../server/audit'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { staffNames } from '../../../server/people'
import { mustPlace } from '../../../server/community'

export const auditLog: Handler<typeof pointsFn.auditLog> = async (ctx, input) => {
  const [fn, action] = input.action ? input.action.split('.') : []
  const { communityId } = mustPlace(ctx.caller)
  const where = input.action ? { communityId, fn, action } : { communityId }
  const docs = await rows<AuditDoc>(ctx.db.collection(AUDIT).where(where).orderBy('_id', 'desc').skip((input.page - 1) * input.pageSize).limit(input.pageSize + 1))
  const page = docs.slice(0, input.pageSize)
  const names = await staffNames(ctx, page.map((d) => d.by))
  return {
    items: page.map((d) => ({
      id: d._id,
      at: d.at,
      what: d.what,
      action: `${d.fn}.${d.action}`,
      by: d.by,
      byName: names.get(d.by) ?? '',
      outcome: d.outcome,
      message: d.message,
      input: d.input,
    })),
    hasMore: docs.length > input.pageSize,
  }
}

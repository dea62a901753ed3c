/** The audit trail, newest first, for the admin (server/audit.ts writes it). */
import type { pointsFn } from '../../../core/points/contract'
import { AUDIT, type AuditDoc } from '../../../server/audit'
import { pageBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { staffNames } from '../../../server/people'
import { mustPlace } from '../../../server/community'

export const auditLog: Handler<typeof pointsFn.auditLog> = async (ctx, input) => {
  const [fn, action] = input.action ? input.action.split('.') : []
  const { communityId } = mustPlace(ctx.caller)
  const where = input.action ? { communityId, fn, action } : { communityId }
  const page = await pageBy<AuditDoc>(ctx.db, input, { collection: AUDIT, where, key: '_id', dir: 'desc' })
  const names = await staffNames(ctx, page.items.map((d) => d.by))
  return {
    items: page.items.map((d) => ({
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
    next: page.next,
  }
}

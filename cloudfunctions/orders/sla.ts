/** The SLA in force (server/sla.ts), read and set by admins. */
import { SETTINGS } from '../../core/collections'
import type { orders } from '../../core/orders/contract'
import type { SlaView } from '../../core/orders/sla-schema'
import type { Ctx } from '../../server/context'
import type { Handler } from '../../server/runtime'
import { commonError } from '../../core/contract/errors'
import { mustPlace } from '../../server/community'
import { loadSla, SLA_DOC, slaSetting } from '../../server/sla'

export { loadSla }

export const sla: Handler<(typeof orders)['sla']> = (ctx) => loadSla(ctx.db, mustPlace(ctx.caller))

/** An admin sets their community's SLA; a street admin the street's default (communities without their own use it). */
export const setSla: Handler<(typeof orders)['setSla']> = async (ctx: Ctx, input) => {
  const at = mustPlace(ctx.caller)
  const street = input.level === 'street'
  if (!ctx.roles.includes(street ? 'street_admin' : 'admin')) throw commonError('FORBIDDEN')
  const view: SlaView = { byUrgency: input.byUrgency, byCategory: input.byCategory ?? {}, updatedAt: ctx.now(), updatedBy: ctx.openid }
  const id = street ? `${SLA_DOC}:street:${at.streetId}` : `${SLA_DOC}:${at.communityId}`
  await ctx.db.collection(SETTINGS).doc(id).set({ data: { ...view, ...(street ? { streetId: at.streetId } : at) } })
  slaSetting.remember(at, street ? null : view)
  ctx.log(`SLA (${input.level ?? 'community'}) set by ${ctx.openid}`)
  return view
}

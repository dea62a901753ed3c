/**
 * The SLA in force: `settings/orders_sla` (set by admins), else the built-in default (a setting,
 * server/settings.ts). Kept a minute per function instance, not read once per transition: a change
 * reaches every instance within that (and this instance at once), and applies to orders entering a
 * new stage after it.
 */
import { SETTINGS } from '../../core/collections'
import type { orders } from '../../core/orders/contract'
import { DEFAULT_SLA } from '../../core/orders/sla'
import type { SlaView } from '../../core/orders/sla-schema'
import type { Ctx } from '../../server/context'
import type { Db } from '../../server/db'
import type { Handler } from '../../server/runtime'
import { defineSetting } from '../../server/settings'
import type { Place } from '../../core/community/places'
import { commonError } from '../../core/contract/errors'
import { mustPlace } from '../../server/community'

export const SLA_DOC = 'orders_sla'

const slaSetting = defineSetting<SlaView>({
  collection: SETTINGS,
  ids: (at) => [`${SLA_DOC}:${at.communityId}`, `${SLA_DOC}:street:${at.streetId}`],
  defaults: { ...DEFAULT_SLA, updatedAt: null, updatedBy: null },
  read: (doc, d) => ({ byUrgency: (doc.byUrgency as SlaView['byUrgency']) ?? d.byUrgency, byCategory: (doc.byCategory as SlaView['byCategory']) ?? {}, updatedAt: (doc.updatedAt as number) ?? null, updatedBy: (doc.updatedBy as string) ?? null }),
  ttlMs: 60_000,
})

export const loadSla = (db: Db, at: Place, now = Date.now()): Promise<SlaView> => slaSetting.load(db, at, { now })

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

/**
 * The SLA in force: `settings/orders_sla` (set by admins), else the built-in default. Read once a
 * minute per function instance, not once per transition: a change reaches every instance within
 * CACHE_MS (and this instance at once), and applies to orders entering a new stage after it.
 */
import type { orders } from '../../core/orders/contract'
import { DEFAULT_SLA } from '../../core/orders/sla'
import type { SlaView } from '../../core/orders/sla-schema'
import type { Ctx } from '../../server/context'
import { getOrNull } from '../../server/db'
import type { Handler } from '../../server/runtime'

import { SETTINGS } from '../../core/collections'

export { SETTINGS }
export const SLA_DOC = 'orders_sla'
const CACHE_MS = 60_000

let cached: { until: number; view: SlaView } | null = null

export async function loadSla(db: Parameters<typeof getOrNull>[0], now = Date.now()): Promise<SlaView> {
  if (cached && cached.until > now) return cached.view
  const doc = await getOrNull<SlaView & { _id: string }>(db, SETTINGS, SLA_DOC)
  const view: SlaView = doc
    ? { byUrgency: doc.byUrgency, byCategory: doc.byCategory ?? {}, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy }
    : { ...DEFAULT_SLA, updatedAt: null, updatedBy: null }
  cached = { until: now + CACHE_MS, view }
  return view
}

export const sla: Handler<(typeof orders)['sla']> = (ctx) => loadSla(ctx.db)

export const setSla: Handler<(typeof orders)['setSla']> = async (ctx: Ctx, input) => {
  const view: SlaView = { byUrgency: input.byUrgency, byCategory: input.byCategory ?? {}, updatedAt: ctx.now(), updatedBy: ctx.openid }
  await ctx.db.collection(SETTINGS).doc(SLA_DOC).set({ data: view })
  cached = { until: Date.now() + CACHE_MS, view }
  ctx.log(`SLA set by ${ctx.openid}`)
  return view
}

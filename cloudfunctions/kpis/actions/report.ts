/**
 * 报送版: a month that is over, frozen for the community (its admin) or the street (its street
 * admin) — the figures as computed then, with the definitions version, never changed afterwards.
 * Freezing again returns the report already frozen (one transaction on its known id).
 */
import { enforce } from '../../../core/contract/decision'
import { kpiError, type kpisFn } from '../../../core/kpis/contract'
import { canFreeze } from '../../../core/kpis/permissions'
import { getOrNull, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { resolveScope } from '../scope'
import { KPI_REPORTS, monthRange } from '../store'
import { dashboardFor } from './dashboard'

const reportId = (level: string, scopeId: string, month: string) => `${level}:${scopeId}:${month}`

export const freeze: Handler<(typeof kpisFn)['freeze']> = async (ctx, { month }) => {
  const { level, scopeId } = enforce(canFreeze(ctx.caller))
  if (monthRange(month)[1] > ctx.now()) throw kpiError('MONTH_NOT_OVER')
  const id = reportId(level, scopeId, month)
  const view = await dashboardFor(ctx, await resolveScope(ctx, {}), month)
  const report = { _id: id, month, level, scopeId, frozenAt: ctx.now(), frozenBy: ctx.openid, definitionsVersion: view.definitionsVersion, totals: view.totals, units: view.units }
  return tx(ctx.db, async (t) => {
    const existing = await getOrNull<typeof report>(t, KPI_REPORTS, id)
    if (existing) return { ...existing, _id: id }
    const { _id, ...data } = report
    // every document carries its community, or for the street's own, its street
    const place = level === 'community' ? { communityId: scopeId, streetId: ctx.caller.streetId } : { streetId: scopeId }
    await t.collection(KPI_REPORTS).doc(_id).set({ data: { ...data, ...place } })
    return report
  })
}

export const report: Handler<(typeof kpisFn)['report']> = async (ctx, { month, communityId }) => {
  const s = await resolveScope(ctx, { communityId })
  const id = s.level === 'street' && !communityId ? reportId('street', ctx.caller.streetId!, month) : reportId('community', s.communities[0].id, month)
  const found = await getOrNull<Record<string, unknown>>(ctx.db, KPI_REPORTS, id)
  return found ? ({ ...found, _id: id } as never) : null
}

/**
 * The orders behind a figure: the month's cohort of the scope, newest first, kept where the
 * figure's rule holds (core/kpis/figures.ts). Reads the cohort a batch at a time until the page is
 * full, so a page costs a few queries however rare the figure.
 */
import { chinaMonth } from '../../../core/china-time'
import { triageHoursOf } from '../../../core/kpis/cells'
import type { Figure, kpisFn } from '../../../core/kpis/contract'
import { factsOf, type FactsInput } from '../../../core/kpis/facts'
import { isBehind } from '../../../core/kpis/figures'
import { idFloor } from '../../../core/orders/keys'
import { orderSummary } from '../../../core/orders/schemas'
import type { Ctx } from '../../../server/context'
import type { Handler } from '../../../server/runtime'
import { rowsAfter } from '../../../server/paging'
import { resolveScope, type Resolved } from '../scope'
import { monthRange, ORDERS } from '../store'

const BATCH = 200

export interface Behind {
  month?: string
  figure: Figure
  category?: string
  status?: string
}

/** Up to `limit` orders behind the figure after `cursor`, and where the next page begins. */
export async function ordersBehind(ctx: Ctx, s: Resolved, want: Behind, limit: number, cursor?: string): Promise<{ items: FactsInput[]; next: string | null }> {
  const _ = ctx.db.command
  const [from, to] = monthRange(want.month ?? chinaMonth(ctx.now()).key)
  const ids = s.communities.map((c) => c.id)
  const filters = { communityId: ids.length === 1 ? ids[0] : _.in(ids), gridId: _.in(s.grids.map((g) => g.id)), ...(want.category ? { category: want.category } : {}), ...(want.status ? { status: want.status } : {}) }
  // order ids begin with their creation time (core/orders/keys newId): the month is a range of ids
  const listing = { collection: ORDERS, where: _.and([filters, { _id: _.gte(idFloor(from)) }, { _id: _.lt(idFloor(to)) }]), key: '_id', dir: 'desc' as const }
  const found: FactsInput[] = []
  for (let after = cursor; ; ) {
    const batch = await rowsAfter<FactsInput>(ctx.db, listing, after, BATCH - 1)
    for (const o of batch) if (isBehind(want.figure, factsOf(o, triageHoursOf(o)), ctx.now())) found.push(o)
    if (found.length > limit || batch.length < BATCH) break
    after = batch[batch.length - 1]._id
  }
  const items = found.slice(0, limit)
  return { items, next: found.length > limit ? items[items.length - 1]._id : null }
}

export const orders: Handler<(typeof kpisFn)['orders']> = async (ctx, input) => {
  const page = await ordersBehind(ctx, await resolveScope(ctx, input), input, input.limit, input.cursor)
  return { items: page.items.map((o) => orderSummary.parse(o)), next: page.next }
}

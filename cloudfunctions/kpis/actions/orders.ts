/**
 * The orders behind a figure: the month's cohort of the scope, newest first, kept where the
 * figure's rule holds (core/kpis/figures.ts). Reads the cohort a page at a time until the page is
 * full, so a page costs a few queries however rare the figure.
 */
import { chinaMonth } from '../../../core/china-time'
import { triageHoursOf } from '../../../core/kpis/cells'
import type { kpisFn } from '../../../core/kpis/contract'
import { factsOf, type FactsInput } from '../../../core/kpis/facts'
import { isBehind } from '../../../core/kpis/figures'
import { orderSummary } from '../../../core/orders/schemas'
import { idFloor } from '../../../core/orders/keys'
import type { Handler } from '../../../server/runtime'
import { rowsAfter } from '../../../server/paging'
import { resolveScope } from '../scope'
import { monthRange, ORDERS } from '../store'

const BATCH = 200

export const orders: Handler<(typeof kpisFn)['orders']> = async (ctx, input) => {
  const _ = ctx.db.command
  const s = await resolveScope(ctx, input)
  const [from, to] = monthRange(input.month ?? chinaMonth(ctx.now()).key)
  const grids = s.grids.map((g) => g.id)
  const ids = s.communities.map((c) => c.id)
  const filters = { communityId: ids.length === 1 ? ids[0] : _.in(ids), gridId: _.in(grids), ...(input.category ? { category: input.category } : {}), ...(input.status ? { status: input.status } : {}) }
  // order ids begin with their creation time (core/orders/keys newId): the month is a range of ids
  const where = _.and([filters, { _id: _.gte(idFloor(from)) }, { _id: _.lt(idFloor(to)) }])
  const listing = { collection: ORDERS, where, key: '_id', dir: 'desc' as const }
  const found: FactsInput[] = []
  let cursor = input.cursor
  for (;;) {
    const batch = await rowsAfter<FactsInput>(ctx.db, listing, cursor, BATCH - 1)
    for (const o of batch) if (isBehind(input.figure, factsOf(o, triageHoursOf(o)))) found.push(o)
    if (found.length > input.limit || batch.length < BATCH) break
    cursor = batch[batch.length - 1]._id
  }
  const items = found.slice(0, input.limit)
  return { items: items.map((o) => orderSummary.parse(o)), next: found.length > input.limit ? items[items.length - 1]._id : null }
}

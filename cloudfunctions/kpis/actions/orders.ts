/**
 * The orders behind a figure: the month's cohort of the scope, newest first, kept where the
 * figure's rule holds (core/kpis/figures.ts). The database first leaves out orders that cannot be
 * behind it (behind.ts); the rest is read a batch at a time until the page is full — at most READS
 * queries a call: then the page holds what was found (maybe fewer rows than asked, even none) and
 * `next` says where the next call goes on.
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
import { candidatesOf } from '../behind'
import { FACT_FIELDS, monthRange, ORDERS } from '../store'

const BATCH = 200
/** Queries one call may make after its scope: the page is what they found (a street reads each community at each batch). */
const READS = 6
/** What deciding the figure and showing the row need. */
const FIELDS: Record<string, true> = { ...FACT_FIELDS, ...Object.fromEntries(Object.keys(orderSummary.shape).map((k) => [k, true])) }

export const orders: Handler<(typeof kpisFn)['orders']> = async (ctx, input) => {
  const _ = ctx.db.command
  const s = await resolveScope(ctx, input)
  const [from, to] = monthRange(input.month ?? chinaMonth(ctx.now()).key)
  const grids = s.grids.map((g) => g.id)
  const filters = { gridId: _.in(grids), ...(input.category ? { category: input.category } : {}), ...(input.status ? { status: input.status } : {}) }
  const candidates = candidatesOf(input.figure, _)
  // one listing per community (each on its (communityId, _id) index), merged newest first; order ids
  // begin with their creation time (core/orders/keys newId): the month is a range of ids
  const listings = s.communities.map((c) => ({
    collection: ORDERS,
    where: _.and([{ ...filters, communityId: c.id }, ...(candidates ? [candidates] : []), { _id: _.gte(idFloor(from)) }, { _id: _.lt(idFloor(to)) }]),
    key: '_id',
    dir: 'desc' as const,
    fields: FIELDS,
  }))
  // the newest BATCH of all: a community's rows beyond its own first BATCH cannot be among them
  const batchAfter = async (cursor: string | undefined) =>
    (await Promise.all(listings.map((l) => rowsAfter<FactsInput>(ctx.db, l, cursor, BATCH - 1))))
      .flat()
      .sort((a, b) => (a._id < b._id ? 1 : -1))
      .slice(0, BATCH)
  const batches = Math.max(1, Math.floor(READS / listings.length))
  const found: FactsInput[] = []
  let cursor = input.cursor
  let more = false
  for (let n = 1; ; n++) {
    const batch = await batchAfter(cursor)
    for (const o of batch) if (isBehind(input.figure, factsOf(o, triageHoursOf(o)))) found.push(o)
    if (found.length > input.limit || batch.length < BATCH) break
    cursor = batch[batch.length - 1]._id
    if (n === batches) {
      more = true
      break
    }
  }
  const items = found.slice(0, input.limit)
  const next = found.length > input.limit ? items[items.length - 1]._id : more ? cursor! : null
  return { items: items.map((o) => orderSummary.parse(o)), next }
}

/**
 * The orders behind a figure: the month's cohort of the scope, newest first, kept where the
 * figure's rule holds (core/kpis/figures.ts). The database first leaves out orders that cannot be
 * behind it (behind.ts); the rest is read a batch at a time until the page is full — at most READS
 * queries a call: then the page holds what was found (maybe fewer rows than asked, even none) and
 * `next` says where the next call goes on. The scan reads each order's stored facts only; the rows of
 * the page are read whole (what a row shows) by id, one more query.
 */
import { chinaMonth } from '../../../core/china-time'
import type { Figure, kpisFn } from '../../../core/kpis/contract'
import type { FactsInput } from '../../../core/kpis/facts'
import { isBehind } from '../../../core/kpis/figures'
import { orderSummary } from '../../../core/orders/schemas'
import { idFloor } from '../../../core/orders/keys'
import type { Ctx } from '../../../server/context'
import type { Handler } from '../../../server/runtime'
import { rowsAfter } from '../../../server/paging'
import { resolveScope, type Resolved } from '../scope'
import { candidatesOf } from '../behind'
import { factsFor, monthRange, ORDERS, ordersById, type Counted } from '../store'

const BATCH = 200
/** Queries one call may make after its scope: the page is what they found (a street reads each community at each batch). */
const READS = 6
/** What deciding whether an order is behind the figure reads of it. */
const SCAN: Record<string, true> = { facts: true }
/** What showing a row needs: read only for the rows of the page, once found by their stored facts. */
const ROW: Record<string, true> = Object.fromEntries(Object.keys(orderSummary.shape).map((k) => [k, true]))

export interface Behind {
  month?: string
  figure: Figure
  category?: string
  status?: string
}

/** Up to `limit` orders behind the figure after `cursor`, and where the next page begins; `extra`: more of each order to read (the export's columns). */
export async function ordersBehind(ctx: Ctx, s: Resolved, want: Behind, limit: number, cursor?: string, extra: Record<string, true> = {}): Promise<{ items: FactsInput[]; next: string | null }> {
  const _ = ctx.db.command
  const [from, to] = monthRange(want.month ?? chinaMonth(ctx.now()).key)
  const grids = s.grids.map((g) => g.id)
  const filters = { gridId: _.in(grids), ...(want.category ? { category: want.category } : {}), ...(want.status ? { status: want.status } : {}) }
  const candidates = candidatesOf(want.figure, _)
  // one listing per community (each on its (communityId, _id) index), merged newest first; order ids
  // begin with their creation time (core/orders/keys newId): the month is a range of ids
  const listings = s.communities.map((c) => ({
    collection: ORDERS,
    where: _.and([{ ...filters, communityId: c.id }, ...(candidates ? [candidates] : []), { _id: _.gte(idFloor(from)) }, { _id: _.lt(idFloor(to)) }]),
    key: '_id',
    dir: 'desc' as const,
    fields: SCAN,
  }))
  // the newest BATCH of all: a community's rows beyond its own first BATCH cannot be among them
  const batchAfter = async (cursor: string | undefined) =>
    (await Promise.all(listings.map((l) => rowsAfter<Counted>(ctx.db, l, cursor, BATCH - 1))))
      .flat()
      .sort((a, b) => (a._id < b._id ? 1 : -1))
      .slice(0, BATCH)
  const batches = Math.max(1, Math.floor(READS / listings.length))
  const found: Counted[] = []
  let more = false
  for (let n = 1; ; n++) {
    const batch = await batchAfter(cursor)
    const facts = await factsFor(ctx.db, batch)
    batch.forEach((o, i) => isBehind(want.figure, facts[i], ctx.now()) && found.push(o))
    if (found.length > limit || batch.length < BATCH) break
    cursor = batch[batch.length - 1]._id
    if (n === batches) {
      more = true
      break
    }
  }
  const page = found.slice(0, limit).map((o) => o._id)
  const rows = new Map((await ordersById<FactsInput>(ctx.db, page, { ...ROW, ...extra })).map((o) => [o._id, o]))
  return { items: page.map((id) => rows.get(id)!), next: found.length > limit ? page[page.length - 1] : more ? cursor! : null }
}

export const orders: Handler<(typeof kpisFn)['orders']> = async (ctx, input) => {
  const page = await ordersBehind(ctx, await resolveScope(ctx, input), input, input.limit, input.cursor)
  return { items: page.items.map((o) => orderSummary.parse(o)), next: page.next }
}

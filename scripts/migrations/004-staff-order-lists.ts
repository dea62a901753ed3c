/**
 * 004 工作人员找单子: staff find orders by stage, by 单号 and by the served resident's name
 * (orders' `stage`, `no` and `whoKey`, written with every change since — core/orders/keys.ts).
 * Orders written before have none and would be in no tab: each gets the keys it would be written with.
 */
import { ORDERS } from '../../core/collections'
import { orderNo, whoKey } from '../../core/orders/keys'
import { stageOf } from '../../core/orders/vocab'
import type { Doc } from '../../server/db'
import { fillEach, type MigrationContext } from './pages'

/** The staff-list keys an order should hold, where any differs (null: it has them). */
export function staffKeys(o: Doc): Doc | null {
  const want: Doc = { no: orderNo(o._id), stage: stageOf(o.status), whoKey: whoKey({ _id: o._id, servedName: o.servedName ?? null, contactName: o.contactName ?? '' }) }
  return Object.keys(want).some((k) => o[k] !== want[k]) ? want : null
}

export const staffOrderLists = (m: MigrationContext): Promise<void> => fillEach(m, ORDERS, staffKeys)

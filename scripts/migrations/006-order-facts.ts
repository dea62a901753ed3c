/**
 * 006 单子的统计事实: every change of an order since writes what the KPIs count of it (`facts`,
 * core/orders/keys.ts), so the timer and today's figures read one small field instead of the
 * timeline. Orders written before have none: each gets the facts it would be written with.
 */
import { ORDERS } from '../../core/collections'
import { storedFactsOf } from '../../core/kpis/cells'
import { packFacts, type FactsInput } from '../../core/kpis/facts'
import type { Doc } from '../../server/db'
import { fillEach, type MigrationContext } from './pages'

export const orderFacts = (o: Doc): Doc | null => (o.facts ? null : { facts: packFacts(storedFactsOf(o as unknown as FactsInput)) })

export const orderFactsFill = (m: MigrationContext): Promise<void> => fillEach(m, ORDERS, orderFacts)

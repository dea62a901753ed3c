/**
 * 005 单子来源: the KPIs count orders by how they came in (`source`: 本人, 楼栋长代下单, 网格员代下单 …),
 * written at creation since. Orders written before get it from their first timeline line, which names
 * the proxy's role ("楼栋长 赵德福 代 李奶奶 提交了需求"); an order without a proxy is 本人.
 */
import { ORDERS } from '../../core/collections'
import { sourceOf } from '../../core/kpis/facts'
import type { Doc } from '../../server/db'
import { fillEach, type MigrationContext } from './pages'

export const orderSource = (o: Doc): Doc | null => (o.source ? null : { source: sourceOf({ proxy: !!o.proxy, timeline: o.timeline ?? [], source: null }) })

export const orderSources = (m: MigrationContext): Promise<void> => fillEach(m, ORDERS, orderSource)

import { kpisFn } from '../../core/kpis/contract'
import { createFunction } from '../../server/runtime'
import { aggregate, runAggregate } from './actions/aggregate'
import { dashboard } from './actions/dashboard'
import { exportCsv } from './actions/export'
import { orders } from './actions/orders'
import { freeze, report } from './actions/report'

export const main = createFunction(kpisFn, { dashboard, orders, export: exportCsv, aggregate, freeze, report }, { timers: { aggregate: (ctx) => runAggregate(ctx) } })

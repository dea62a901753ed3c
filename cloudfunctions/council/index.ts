import { councilFn } from '../../core/council/contract'
import { createFunction } from '../../server/runtime'
import { setHolidays } from './actions/holidays'
import { plan, runPlan } from './actions/plan'
import { saveSeries, series } from './actions/series'

export const main = createFunction(councilFn, { saveSeries, series, setHolidays, plan }, { timers: { plan: (ctx) => runPlan(ctx) } })

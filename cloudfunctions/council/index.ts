import { councilFn } from '../../core/council/contract'
import { createFunction } from '../../server/runtime'
import { agenda, committee, setAgenda, setCommittee } from './actions/agenda'
import { closeEvaluation, evaluation, openEvaluation, vote } from './actions/evaluation'
import { setHolidays } from './actions/holidays'
import { plan, runPlan } from './actions/plan'
import { saveSeries, series } from './actions/series'
import { acceptTopic, raiseTopic, support, topics } from './actions/topics'

export const main = createFunction(councilFn, { saveSeries, series, setHolidays, raiseTopic, acceptTopic, support, topics, setCommittee, committee, setAgenda, agenda, openEvaluation, vote, evaluation, closeEvaluation, plan }, { timers: { plan: (ctx) => runPlan(ctx) } })

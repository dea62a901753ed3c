import { councilFn } from '../../core/council/contract'
import { createFunction } from '../../server/runtime'
import { agenda, committee, setAgenda, setCommittee } from './actions/agenda'
import { closeEvaluation, evaluation, openEvaluation, paperBallots, vote } from './actions/evaluation'
import { closeElection, drawTie, election, electionVote, openElection } from './actions/election'
import { finishAction, markTold, rateTopic, routeTopic, tells, topic, withdrawTopic } from './actions/decisions'
import { setHolidays } from './actions/holidays'
import { confirmMinutes, minutes, objectMinutes, recordMinutes } from './actions/minutes'
import { metrics } from './actions/metrics'
import { selection, setSelection } from './actions/selection'
import { runProgress } from './decisions'
import { plan, runPlan } from './actions/plan'
import { saveSeries, series } from './actions/series'
import { acceptTopic, raiseTopic, support, supportFor, topics } from './actions/topics'

export const main = createFunction(
  councilFn,
  { saveSeries, series, setHolidays, raiseTopic, acceptTopic, support, supportFor, selection, setSelection, topics, setCommittee, committee, setAgenda, agenda, topic, routeTopic, withdrawTopic, recordMinutes, confirmMinutes, minutes, objectMinutes, finishAction, rateTopic, tells, markTold, metrics, openEvaluation, vote, evaluation, closeEvaluation, paperBallots, openElection, electionVote, election, closeElection, drawTie, plan },
  { timers: { plan: (ctx) => runPlan(ctx), progress: (ctx) => runProgress(ctx) } },
)

/**
 * How 议事协商 is judged (pure): 上会率, 决议落实率, 反馈率, median feedback time, 结果满意率 — each
 * with its n, over the topics raised in a span. A rate whose denominator is empty is null ("—").
 */
import { implementedOnTime, dueEnd, type ActionState } from './minutes'
import type { TopicStatus } from './topics'
import { median, rate, type Rate } from '../contract/rates'

export { median }

export interface TopicFacts {
  status: TopicStatus
  /** When its supports closed (null: never accepted for selection). */
  cutoffAt: number | null
  /** Put on an agenda at some point (its timeline has SCHEDULE). */
  scheduled: boolean
  decidedAt: number | null
  /** When it was done (the timeline's FINISH, or the decision itself when nothing was to be done). */
  doneAt: number | null
  actions: ActionState[]
  feedback: { decided: number | null; done: number | null }
  satisfied: boolean | null
}

export interface CouncilMetrics {
  /** Topics put on an agenda ÷ topics accepted whose supports have closed. */
  onAgenda: Rate
  /** Decisions with every action done by its due day ÷ decisions that are settled (all done, or the last due day past). */
  implemented: Rate
  /** Feedback sent ÷ feedback owed (a decision, and its being done, each owe one to the raiser and every supporter). */
  feedback: Rate
  /** Median hours from a decision (or its being done) to the feedback going out; null with none sent. */
  medianFeedbackHours: number | null
  /** Raisers who said 满意 ÷ raisers who answered. */
  satisfied: Rate
}

export function metricsOf(topics: readonly TopicFacts[], now: number): CouncilMetrics {
  const closedForSupports = topics.filter((t) => t.cutoffAt !== null && t.cutoffAt <= now)
  const decided = topics.filter((t) => t.decidedAt !== null)
  // settled: each action done, or its due day over (a decision without actions is settled at once)
  const settled = decided.filter((t) => t.actions.every((a) => a.doneAt !== null || dueEnd(a.due) <= now))
  const owed = decided.flatMap((t) => [{ at: t.decidedAt!, sent: t.feedback.decided }, ...(t.doneAt !== null ? [{ at: t.doneAt, sent: t.feedback.done }] : [])])
  const sent = owed.filter((o) => o.sent !== null)
  const rated = topics.filter((t) => t.satisfied !== null)
  return {
    onAgenda: rate(closedForSupports.filter((t) => t.scheduled).length, closedForSupports.length),
    implemented: rate(settled.filter((t) => implementedOnTime(t.actions)).length, settled.length),
    feedback: rate(sent.length, owed.length),
    medianFeedbackHours: median(sent.map((o) => (o.sent! - o.at) / 3_600_000)),
    satisfied: rate(rated.filter((t) => t.satisfied).length, rated.length),
  }
}

/**
 * 议题 lifecycle in one table, like orders (core/orders/machine.ts): statuses, the events between
 * them, who may send each, and transitionTopic(), which decides and performs nothing.
 *
 * submitted → accepted (for selection) | merged | converted (into a service order or a dispute) |
 * declined (with a reason) | withdrawn (by its raiser, before any session) → on_agenda → discussed →
 * decided | deferred (carried to the next session by the timer) → in_progress (its actions under
 * way) → done → closed (the raiser said 满意 or 不满意).
 */
import { defineMachine, type Step } from '../contract/machine'

export const TOPIC_STATUSES = ['submitted', 'accepted', 'merged', 'converted', 'declined', 'withdrawn', 'on_agenda', 'discussed', 'decided', 'deferred', 'in_progress', 'done', 'closed'] as const
export type TopicStatus = (typeof TOPIC_STATUSES)[number]

/** What a resident reads for each status. */
export const TOPIC_STATUS_LABELS: Record<TopicStatus, string> = {
  submitted: '待受理',
  accepted: '征集附议中',
  merged: '已并入其他议题',
  converted: '已转专门办理',
  declined: '未受理',
  withdrawn: '已撤回',
  on_agenda: '已上会',
  discussed: '已讨论',
  decided: '已形成决议',
  deferred: '暂缓，下次再议',
  in_progress: '决议落实中',
  done: '已办完',
  closed: '已办结',
}

/** Who acts: the raiser (or the 楼栋长 who raised it for a neighbour), staff, the 选题委员会, the session's host, the timer. */
export const TOPIC_ACTORS = ['raiser', 'staff', 'committee', 'host', 'system'] as const
export type TopicActor = (typeof TOPIC_ACTORS)[number]

export type TopicEvent =
  | { type: 'ACCEPT' }
  | { type: 'MERGE'; into: string }
  | { type: 'CONVERT'; to: 'order' | 'dispute'; refId: string }
  | { type: 'DECLINE'; reason: string }
  | { type: 'WITHDRAW' }
  | { type: 'SCHEDULE'; sessionId: string; reason?: string }
  | { type: 'DISCUSS'; summary: string }
  | { type: 'DECIDE'; decision: string; dissent?: string }
  | { type: 'DEFER'; reason: string }
  | { type: 'CARRY'; sessionId: string }
  | { type: 'BEGIN' }
  | { type: 'FINISH' }
  | { type: 'RATE'; satisfied: boolean }
export type TopicEventType = TopicEvent['type']

export const TOPIC_TABLE = {
  submitted: { ACCEPT: 'accepted', MERGE: 'merged', CONVERT: 'converted', DECLINE: 'declined', WITHDRAW: 'withdrawn' },
  accepted: { MERGE: 'merged', CONVERT: 'converted', DECLINE: 'declined', WITHDRAW: 'withdrawn', SCHEDULE: 'on_agenda' },
  merged: {},
  converted: {},
  declined: {},
  withdrawn: {},
  on_agenda: { DISCUSS: 'discussed', DEFER: 'deferred' },
  discussed: { DECIDE: 'decided', DEFER: 'deferred' },
  deferred: { CARRY: 'on_agenda' },
  // a decision with actions is under way until they are done; one without (a 公约 recorded) is done at once
  decided: { BEGIN: 'in_progress', FINISH: 'done' },
  in_progress: { FINISH: 'done' },
  done: { RATE: 'closed' },
  closed: {},
} as const satisfies Record<TopicStatus, Partial<Record<TopicEventType, TopicStatus>>>

export const TOPIC_EVENT_ACTORS = {
  ACCEPT: ['staff'],
  MERGE: ['staff'],
  CONVERT: ['staff'],
  DECLINE: ['staff'],
  WITHDRAW: ['raiser'],
  SCHEDULE: ['committee'],
  DISCUSS: ['host'],
  DECIDE: ['host'],
  DEFER: ['host'],
  CARRY: ['system'],
  BEGIN: ['system'],
  FINISH: ['system'],
  RATE: ['raiser'],
} as const satisfies Record<TopicEventType, readonly TopicActor[]>

export const topicMachine = defineMachine<TopicStatus, TopicEventType, TopicActor>(TOPIC_STATUSES, TOPIC_TABLE, TOPIC_EVENT_ACTORS)
export const TOPIC_EVENT_TYPES = topicMachine.events

/** Statuses a topic never leaves. */
export const FINAL_TOPIC_STATUSES = topicMachine.finals

export const topicTarget = topicMachine.target

export type TopicStep = Step<TopicStatus>

/** Whether `actor` may send `event` to a topic in `status`, and where it goes. */
export const transitionTopic = (status: TopicStatus, event: TopicEvent, actor: TopicActor): TopicStep => topicMachine.step(status, event.type, actor)

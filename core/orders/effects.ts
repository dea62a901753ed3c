/**
 * What a transition asks the server to do besides saving the order: notices to people's inboxes
 * (and a subscribe message where granted), and a points award through the 爱心银行 ledger.
 */
import { dispatcherOf, type EventType } from './machine'
import type { Order } from './model'
import { keysOf } from '../contract/vocab'

/** Title shown in the inbox; the body adds the order's category. */
export const NOTICE_TITLES = {
  dispatched: '社区已派单，正在找志愿者',
  assigned: '有一张单子指派给您，请尽快接单',
  accepted: '志愿者已接单',
  started: '志愿者已开始服务',
  done: '服务已完成，请确认并评价',
  confirmed: '居民已确认完成，积分已发放',
  auto_confirmed: '服务完成超过72小时，系统已自动确认',
  rated: '居民给了您评价',
  reopened: '居民重新打开了单子',
  released: '志愿者暂时来不了，社区正在重新安排',
  overdue: '单子已超时，请尽快处理',
  cancelled: '单子已取消',
  escalated: '您的事情已上报有关部门，会跟进到办结',
  referred: '社区已为您转介，请看处理意见',
  rejected: '社区暂时不能受理这张单子',
  closed: '您上报的事情已办结',
  street_replied: '街道已答复您上报的大事，请看答复并跟进',
  check: '回访：您的事情解决了吗？',
  // to staff
  new_order: '网格里有新的求助，请派单',
  released_staff: '志愿者退回了您派的单子，请重新安排',
  overdue_staff: '您派的单子超时了，请尽快处理',
  overdue_triage: '网格里有求助超时还没派，请尽快派单',
  check_unsolved: '居民回访说没解决，请跟进',
}
export const NOTICE_KINDS = keysOf(NOTICE_TITLES)
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export type Effect =
  | { kind: 'notice'; notice: NoticeKind; to: string[] }
  | { kind: 'award'; key: string; to: string; amount: number }

type Who = 'parties' | 'volunteer' | 'assignee' | 'everyone' | 'escalator'

/** event → notice and its recipients (looked up on the order before/after the step). */
const NOTICES: Partial<Record<EventType, [NoticeKind, Who]>> = {
  PUBLISH: ['dispatched', 'parties'],
  ASSIGN: ['assigned', 'assignee'],
  REASSIGN: ['assigned', 'assignee'],
  ACCEPT: ['accepted', 'parties'],
  START: ['started', 'parties'],
  REPORT_DONE: ['done', 'parties'],
  CONFIRM: ['confirmed', 'volunteer'],
  RATE: ['rated', 'volunteer'],
  AUTO_CONFIRM: ['auto_confirmed', 'everyone'],
  REOPEN: ['reopened', 'volunteer'],
  RELEASE: ['released', 'parties'],
  CANCEL: ['cancelled', 'assignee'],
  ESCALATE: ['escalated', 'parties'],
  REFER: ['referred', 'parties'],
  REJECT: ['rejected', 'parties'],
  CLOSE: ['closed', 'parties'],
  STREET_REPLY: ['street_replied', 'escalator'],
  MARK_OVERDUE: ['overdue', 'volunteer'],
  ASK_CHECK: ['check', 'parties'],
}

/** The staff member who dispatched the order hears when it comes back or runs late. */
const TO_DISPATCHER: Partial<Record<EventType, NoticeKind>> = { RELEASE: 'released_staff', MARK_OVERDUE: 'overdue_staff' }

export function effectsOf(before: Order, after: Order, type: EventType, by: string): Effect[] {
  const dispatcher = dispatcherOf(after)
  const staffKind = TO_DISPATCHER[type]
  const toStaff: Effect[] = staffKind && dispatcher && dispatcher !== by ? [{ kind: 'notice', notice: staffKind, to: [dispatcher] }] : []
  return [...partiesEffects(before, after, type, by), ...toStaff]
}

/**
 * An order that runs late before anyone dispatched it has no dispatcher to tell: the grid's 网格员
 * hear instead (`gridStaff`, looked up by the caller: the pure rules read no database).
 */
export function undispatchedOverdue(o: Order, type: EventType, gridStaff: readonly string[]): Effect[] {
  if (type !== 'MARK_OVERDUE' || dispatcherOf(o) || !gridStaff.length) return []
  return [{ kind: 'notice', notice: 'overdue_triage', to: [...new Set(gridStaff)] }]
}

/**
 * A 回访 answered 没解决 that can no longer reopen the order (closed, referred, or past the reopen
 * window): the grid's 网格员 follow it up (`gridStaff` looked up by the caller).
 */
export function unsolvedFollowUp(gridStaff: readonly string[], by: string): Effect[] {
  const to = [...new Set(gridStaff)].filter((s) => s !== by)
  return to.length ? [{ kind: 'notice', notice: 'check_unsolved', to }] : []
}

function partiesEffects(before: Order, after: Order, type: EventType, by: string): Effect[] {
  const spec = NOTICES[type]
  if (!spec) return []
  const [kind, who] = spec
  // REOPEN and RELEASE clear the volunteer: notify the one who had it
  const volunteer = after.volunteerId ?? before.volunteerId
  const pick: Record<Who, (string | null)[]> = {
    parties: after.parties,
    volunteer: [volunteer],
    assignee: [after.audience.volunteerId ?? before.audience.volunteerId],
    everyone: [...after.parties, volunteer],
    // the 网格员 who sent it up to the street
    escalator: [[...after.timeline].reverse().find((t) => t.event === 'ESCALATE')?.by ?? null],
  }
  // an overdue order nobody holds yet: tell the resident it is still being arranged
  const raw = type === 'MARK_OVERDUE' && !volunteer ? after.parties : pick[who]
  const to = [...new Set(raw.filter((x): x is string => !!x && x !== by))]
  const notice = type === 'CONFIRM' && after.rating && after.rating !== before.rating ? 'rated' : kind
  return to.length ? [{ kind: 'notice', notice, to }] : []
}

/**
 * The rating notice says the stars, the comment and what the order paid (the award note of its
 * confirmation — the ledger may have paid less than the order's points under the daily cap).
 */
export function ratedBody(o: Pick<Order, 'rating' | 'timeline' | 'points'>): string {
  const stars = o.rating?.stars ?? 0
  const confirmed = [...o.timeline].reverse().find((e) => e.event === 'CONFIRM' || e.event === 'AUTO_CONFIRM')
  const paid = confirmed?.note?.split('；').find((part) => part.includes('积分'))
  const comment = o.rating?.comment ? `：“${o.rating.comment.slice(0, 30)}”` : ''
  return `${stars}星${comment}；${paid ?? `本单积分${o.points}`}`
}

/**
 * Notices that asked for what a step does are settled by it: 请确认并评价 once confirmed (or
 * reopened), the 回访 once answered (or reopened: it is dropped).
 */
type Asked = { asked: EventType; kind: NoticeKind }
const TO_CONFIRM: Asked = { asked: 'REPORT_DONE', kind: 'done' }
const TO_CHECK: Asked = { asked: 'ASK_CHECK', kind: 'check' }
export const SETTLES: Partial<Record<EventType, Asked[]>> = {
  CONFIRM: [TO_CONFIRM],
  AUTO_CONFIRM: [TO_CONFIRM],
  REOPEN: [TO_CONFIRM, TO_CHECK],
  ANSWER_CHECK: [TO_CHECK],
}

/** Order vocabularies and labels: no zod, so app pages import them without the schemas. */
import { keysOf } from '../contract/vocab'

export const STATUS_LABELS = {
  submitted: '待分派', // new or reopened, waiting for staff
  open: '待接单', // published to the pool or assigned to one volunteer
  accepted: '已接单',
  in_service: '服务中',
  done: '待确认', // volunteer reported done
  confirmed: '已完成',
  escalated: '已上报', // 大事: tracked until closed
  closed: '已办结', // an escalated matter, closed
  referred: '已转介', // 私事
  rejected: '未受理',
  cancelled: '已取消',
}
export const STATUSES = keysOf(STATUS_LABELS)
export type Status = (typeof STATUSES)[number]

export const URGENCY_LABELS = { normal: '不急', urgent: '急' }
export const URGENCIES = keysOf(URGENCY_LABELS)
export type Urgency = (typeof URGENCIES)[number]

export const PRIORITY_LABELS = { low: '低', normal: '普通', high: '高' }
export const PRIORITIES = keysOf(PRIORITY_LABELS)
export type Priority = (typeof PRIORITIES)[number]

/** When the resident wants it; presets keep the form short. */
export const WHEN_LABELS = {
  asap: '越快越好',
  today: '今天',
  tomorrow: '明天',
  this_week: '这周内',
  flexible: '时间都行',
}
export const WHENS = keysOf(WHEN_LABELS)
export type When = (typeof WHENS)[number]

/** Who a proxy is to the neighbour they order for (they pick one; the timeline names their role from the server). */
export const RELATIONS = ['楼栋长', '网格员', '家属', '邻居'] as const
export type Relation = (typeof RELATIONS)[number]

/** 三事分流 */
export const TRIAGE_KINDS = ['small', 'big', 'private'] as const
export type TriageKind = (typeof TRIAGE_KINDS)[number]

/** In which capacity someone acts on an order (derived by permissions.ts). */
export const ACTOR_LABELS = {
  owner: '居民',
  staff: '网格员',
  candidate: '志愿者',
  volunteer: '志愿者',
  street: '街道',
  system: '系统',
}
export const ACTORS = keysOf(ACTOR_LABELS)
export type Actor = (typeof ACTORS)[number]

export const ACTIVE_STATUSES: readonly Status[] = ['submitted', 'open', 'accepted', 'in_service', 'done', 'escalated']
export const FINAL_STATUSES: readonly Status[] = ['confirmed', 'closed', 'referred', 'rejected', 'cancelled']

/** Where an order stands, as staff look for it (one stored `stage` per order, so each tab is one indexed query). */
export const STAGE_LABELS = {
  to_dispatch: '待分派',
  to_accept: '待接单',
  serving: '服务中',
  to_confirm: '待确认',
  finished: '已完成',
  escalated: '上报中',
}
export const STAGES = keysOf(STAGE_LABELS)
export type OrderStage = (typeof STAGES)[number]

const STAGE_OF: Record<Status, OrderStage> = {
  submitted: 'to_dispatch',
  open: 'to_accept',
  accepted: 'serving',
  in_service: 'serving',
  done: 'to_confirm',
  escalated: 'escalated',
  // ended one way or another: the card says which
  confirmed: 'finished',
  closed: 'finished',
  referred: 'finished',
  rejected: 'finished',
  cancelled: 'finished',
}
export const stageOf = (status: Status): OrderStage => STAGE_OF[status]

/** How an order came in (KPIs show them apart): 本人, 楼栋长代下单, 网格员代下单, 接访日, 议事, 微心愿 (a service wish scheduled at the station). */
export const SOURCE_LABELS = { self: '本人', lead: '楼栋长代下单', staff: '网格员代下单', visit_day: '接访日', council: '议事', wish: '微心愿' }
export const SOURCES = keysOf(SOURCE_LABELS)
export type Source = (typeof SOURCES)[number]

/** 回访: the resident's answer three days after an order is done or closed. */
export const CHECK_LABELS = { solved: '已解决', partly: '部分解决', not: '没解决' }
export const CHECK_ANSWERS = keysOf(CHECK_LABELS)
export type CheckAnswer = (typeof CHECK_ANSWERS)[number]

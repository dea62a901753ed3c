/** Order vocabularies and labels: no zod, so app pages import them without the schemas. */
export const STATUSES = [
  'submitted', // 待分派: new or reopened, waiting for staff
  'open', // 待接单: published to the pool or assigned to one volunteer
  'accepted', // 已接单
  'in_service', // 服务中
  'done', // 待确认: volunteer reported done
  'confirmed', // 已完成
  'escalated', // 已上报 (大事): tracked until closed
  'closed', // 已办结 (escalated and closed)
  'referred', // 已转介 (私事)
  'rejected', // 未受理
  'cancelled', // 已取消
] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, string> = {
  submitted: '待分派',
  open: '待接单',
  accepted: '已接单',
  in_service: '服务中',
  done: '待确认',
  confirmed: '已完成',
  escalated: '已上报',
  closed: '已办结',
  referred: '已转介',
  rejected: '未受理',
  cancelled: '已取消',
}

export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '不急', urgent: '急' }

export const PRIORITIES = ['low', 'normal', 'high'] as const
export type Priority = (typeof PRIORITIES)[number]
export const PRIORITY_LABELS: Record<Priority, string> = { low: '低', normal: '普通', high: '高' }

/** When the resident wants it; presets keep the form short. */
export const WHENS = ['asap', 'today', 'tomorrow', 'this_week', 'flexible'] as const
export type When = (typeof WHENS)[number]
export const WHEN_LABELS: Record<When, string> = {
  asap: '越快越好',
  today: '今天',
  tomorrow: '明天',
  this_week: '这周内',
  flexible: '时间都行',
}

/** 三事分流 */
export const TRIAGE_KINDS = ['small', 'big', 'private'] as const
export type TriageKind = (typeof TRIAGE_KINDS)[number]

/** In which capacity someone acts on an order (derived by permissions.ts). */
export const ACTORS = ['owner', 'staff', 'candidate', 'volunteer', 'system'] as const
export type Actor = (typeof ACTORS)[number]
export const ACTOR_LABELS: Record<Actor, string> = {
  owner: '居民',
  staff: '网格员',
  candidate: '志愿者',
  volunteer: '志愿者',
  system: '系统',
}

export const ACTIVE_STATUSES: readonly Status[] = ['submitted', 'open', 'accepted', 'in_service', 'done', 'escalated']
export const FINAL_STATUSES: readonly Status[] = ['confirmed', 'closed', 'referred', 'rejected', 'cancelled']

/**
 * The order as stored (collection `orders`) and its vocabularies. Dates are ms since epoch.
 * Query keys (parties, queueKey, poolKey, audienceKey) are derived by keys.ts after every change.
 */
import { z } from 'zod'
import { SKILLS, TEAMS } from '../users/vocab'

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

export const timelineEntry = z.object({
  seq: z.number(),
  at: z.number(),
  by: z.string(),
  actor: z.enum(ACTORS),
  event: z.string(),
  from: z.enum(STATUSES).nullable(),
  to: z.enum(STATUSES),
  note: z.string().nullable(),
})
export type TimelineEntry = z.infer<typeof timelineEntry>

export const audienceSchema = z.object({
  skill: z.enum(SKILLS).nullable(),
  team: z.enum(TEAMS).nullable(),
  volunteerId: z.string().nullable(),
})
export type Audience = z.infer<typeof audienceSchema>
export const EVERYONE: Audience = { skill: null, team: null, volunteerId: null }

export const orderDoc = z.object({
  _id: z.string(),
  category: z.enum(SKILLS),
  description: z.string(),
  photos: z.array(z.string()),
  address: z.string(),
  buildingId: z.string(),
  unitId: z.string().nullable(),
  gridId: z.string(),
  when: z.enum(WHENS),
  urgency: z.enum(URGENCIES),
  /** Who is served: name and phone (phone masked for volunteers until they accept). */
  contactName: z.string(),
  contactPhone: z.string(),
  /** The served resident's OPENID; null when a 楼栋长/网格员 ordered for a neighbour without WeChat. */
  residentId: z.string().nullable(),
  orderedBy: z.string(),
  proxy: z.boolean(),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  points: z.number(),
  audience: audienceSchema,
  volunteerId: z.string().nullable(),
  volunteerName: z.string().nullable(),
  triage: z
    .object({ kind: z.enum(TRIAGE_KINDS), department: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
  /** Last reason given (cancel, reject, release, reopen…) or referral guidance. */
  reason: z.string().nullable(),
  doneNote: z.string().nullable(),
  donePhotos: z.array(z.string()),
  rating: z.object({ stars: z.number(), comment: z.string(), at: z.number(), by: z.string() }).nullable(),
  reopenCount: z.number(),
  /** Awards the ledger may make for this order (1; staff may allow one more after a reopen). */
  awardsAllowed: z.number(),
  awardsGiven: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When the current status began (SLA clock). */
  stageSince: z.number(),
  doneAt: z.number().nullable(),
  confirmedAt: z.number().nullable(),
  dueAt: z.number().nullable(),
  overdue: z.boolean(),
  timeline: z.array(timelineEntry),
  /** Subscribe-message sends each person granted at a natural tap (submit, accept), by OPENID. */
  grants: z.record(z.string(), z.number()),
  parties: z.array(z.string()),
  /** Who may take it from the pool: 'all', 's:<skill>', 't:<team>' or 'v:<openid>' (one scalar: indexable). */
  audienceKey: z.string(),
  queueKey: z.string().nullable(),
  poolKey: z.string().nullable(),
})
export type Order = z.infer<typeof orderDoc>

export const ACTIVE_STATUSES: readonly Status[] = ['submitted', 'open', 'accepted', 'in_service', 'done', 'escalated']
export const FINAL_STATUSES: readonly Status[] = ['confirmed', 'closed', 'referred', 'rejected', 'cancelled']

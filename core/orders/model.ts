/**
 * The order as stored (collection `orders`) and its vocabularies. Dates are ms since epoch.
 * Query keys (parties, queueKey, poolKey, audienceKey, stage, whoKey) and the 单号 are derived by keys.ts
 * after every change.
 */
import type { PackedFacts } from '../kpis/facts'
import * as z from 'zod'
import { SKILLS, TEAMS } from '../users/vocab'
import { ACTORS, CHECK_ANSWERS, PRIORITIES, SOURCES, STAGES, STATUSES, TRIAGE_KINDS, URGENCIES, WHENS } from './vocab'

export * from './vocab'

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

/** An escalated 大事 the community sent up to the street office: its own clocks run from `since`. */
export const streetCase = z.object({ since: z.number(), answeredAt: z.number().nullable(), answer: z.string().nullable(), by: z.string().nullable() })
export type StreetCase = z.infer<typeof streetCase>

export const orderDoc = z.object({
  _id: z.string(),
  /** The community (and its street) of the building: copied at creation, never rewritten. */
  communityId: z.string(),
  streetId: z.string(),
  /** Published to the community's own volunteers, or to the street pool (neighbouring communities' volunteers too). */
  pool: z.enum(['community', 'street']),
  street: streetCase.nullable(),
  category: z.enum(SKILLS),
  description: z.string(),
  photos: z.array(z.string()),
  address: z.string(),
  /** 门牌号 of the served home (also inside `address`); null for orders before it existed or not at home. */
  room: z.string().nullable().default(null),
  /** Booked date and time (陪诊, 法律咨询…), ms; null for a time window (`when`). */
  appointmentAt: z.number().nullable().default(null),
  buildingId: z.string(),
  unitId: z.string().nullable(),
  gridId: z.string(),
  when: z.enum(WHENS),
  urgency: z.enum(URGENCIES),
  /** Whom to call: the resident, or the proxy who ordered for them (phone masked for volunteers until they accept). */
  contactName: z.string(),
  contactPhone: z.string(),
  /** The proxy's relation to the served neighbour (楼栋长, 网格员, 家属…); null when one orders for oneself. */
  contactRelation: z.string().nullable().default(null),
  /** The served neighbour's name when someone else ordered for them. */
  servedName: z.string().nullable().default(null),
  /** The served neighbour's own phone, if they have one (masked like the contact's). */
  servedPhone: z.string().nullable().default(null),
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
  /** The accepting volunteer's phone and team, copied at 接单 (the resident calls them in one tap). */
  volunteerPhone: z.string().nullable().default(null),
  volunteerTeam: z.enum(TEAMS).nullable().default(null),
  /** Whom staff assigned it to, named at 指派 (before they accept). */
  assigneeName: z.string().nullable().default(null),
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
  /** The street office's queue of escalated 大事: unanswered first, then by id; null when not in it. */
  streetKey: z.string().nullable(),
  /** 单号: six characters a resident can read out on the phone (the id's random tail, upper case). */
  no: z.string(),
  /** The staff tab it is listed under (vocab STAGE_LABELS). */
  stage: z.enum(STAGES),
  /** Staff search by the served resident's name: `<name>|<id>` (a name prefix is a range of it). */
  whoKey: z.string(),
  /** How it came in: 本人, 楼栋长 / 网格员 for a neighbour, 接访日, 议事 (KPIs count them apart). */
  source: z.enum(SOURCES).default('self'),
  /** Only this volunteer may serve it (a 微心愿 service: its donor); nobody else may be sent it. */
  reservedFor: z.string().nullable().default(null),
  /** The triage deadline set when it came in (响应率 counts answers by it; later stages have their own clocks). */
  respondBy: z.number().nullable().default(null),
  /** 回访: asked three days after done or closed; the resident's (or their proxy's) answer. */
  check: z
    .object({ dueAt: z.number(), askedAt: z.number().nullable(), answer: z.enum(CHECK_ANSWERS).nullable(), answeredAt: z.number().nullable(), by: z.string().nullable() })
    .nullable()
    .default(null),
  /**
   * When the timer asks the 回访: its dueAt while nobody has asked or answered it, else null (one
   * indexable scalar). Orders stored before it lack it and have no 回访 to ask: nothing to migrate.
   */
  checkDue: z.number().nullable().default(null),
  /** What the KPIs count of it (core/kpis/facts PackedFacts), rewritten with every change; null on orders stored before (migration 006). */
  facts: z.custom<PackedFacts>((v) => Array.isArray(v)).nullable().default(null),
})
export type Order = z.infer<typeof orderDoc>


/** A new order's bookkeeping fields; the caller fills in what was asked and by whom. */
export function blankOrder(p: { _id: string; now: number; orderedBy: string; gridId: string; communityId: string; streetId: string }): Order {
  return {
    _id: p._id,
    communityId: p.communityId,
    streetId: p.streetId,
    pool: 'community',
    street: null,
    category: 'other',
    description: '',
    photos: [],
    address: '',
    room: null,
    appointmentAt: null,
    buildingId: '',
    unitId: null,
    gridId: p.gridId,
    when: 'asap',
    urgency: 'normal',
    contactName: '',
    contactPhone: '',
    contactRelation: null,
    servedName: null,
    servedPhone: null,
    residentId: null,
    orderedBy: p.orderedBy,
    proxy: false,
    status: 'submitted',
    priority: 'normal',
    points: 0,
    audience: EVERYONE,
    volunteerId: null,
    volunteerName: null,
    volunteerPhone: null,
    volunteerTeam: null,
    assigneeName: null,
    triage: null,
    reason: null,
    doneNote: null,
    donePhotos: [],
    rating: null,
    reopenCount: 0,
    awardsAllowed: 1,
    awardsGiven: 0,
    createdAt: p.now,
    updatedAt: p.now,
    stageSince: p.now,
    doneAt: null,
    confirmedAt: null,
    dueAt: null,
    overdue: false,
    timeline: [],
    grants: {},
    parties: [],
    audienceKey: 'all',
    queueKey: null,
    poolKey: null,
    streetKey: null,
    no: '',
    stage: 'to_dispatch',
    whoKey: '',
    source: 'self',
    reservedFor: null,
    respondBy: null,
    check: null,
    checkDue: null,
    facts: null,
  }
}

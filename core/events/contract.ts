/** `events` function: publish, sign up with waitlist, cancel, check-in, lists. */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { STAFF } from '../contract/roles'
import { longText, text, token } from '../contract/text'
import { idSchema, openidSchema } from '../users/schemas'
import { pageInput, pageOutput } from '../contract/paging'
import { EVENT_KINDS } from './model'
import { TIME_MESSAGES } from './times'

const time = (what: string) => z.number({ error: `请选择${what}` }).int().min(0, { error: `请选择${what}` })

export const audienceSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('everyone') }), z.object({ kind: z.literal('grid'), gridId: idSchema }), z.object({ kind: z.literal('volunteers') })],
  { error: '请选择面向的人群' },
)

/** What staff can change after publishing: the name, place and times (not seats, points or audience). */
const editable = z.object({
  title: text('活动名称', 30, { letter: true }),
  place: text('地点', 50),
  startAt: time('开始时间'),
  endAt: time('结束时间'),
  deadline: time('报名截止时间'),
})
type Times = { startAt: number; endAt: number; deadline: number }
const inOrder = <T extends z.ZodType<Times>>(schema: T) =>
  schema
    .refine((e) => e.endAt > e.startAt, { error: TIME_MESSAGES.END_BEFORE_START, path: ['endAt'] })
    .refine((e) => e.deadline <= e.endAt, { error: TIME_MESSAGES.DEADLINE_AFTER_END, path: ['deadline'] })

export const publishInput = inOrder(
  editable.extend({
    kind: z.enum(EVENT_KINDS, { error: '请选择活动类型' }),
    capacity: z.number({ error: '请填写名额' }).int().min(1, { error: '名额至少1人' }).max(500, { error: '名额最多500人' }),
    audience: audienceSchema.default({ kind: 'everyone' }),
    points: z.number().int().min(0).max(1000).default(0),
    booths: z
      .array(z.object({ giftId: idSchema, stock: z.number().int().min(1, { error: '数量至少为1' }).max(500) }))
      .max(10)
      // one booth per gift: the stock check adds each booth to the gift's allocation on its own
      .refine((bs) => new Set(bs.map((b) => b.giftId)).size === bs.length, { error: '同一件礼品只设一个摊位，请把数量合在一起' })
      .default([]),
  }),
)

const regStatus = z.enum(['registered', 'waiting', 'cancelled', 'attended', 'no_show'])
export const myRegView = z.object({ status: regStatus, family: z.number(), position: z.number().nullable(), checkedInAt: z.number().nullable() })
export const eventView = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  place: z.string(),
  startAt: z.number(),
  endAt: z.number(),
  deadline: z.number(),
  capacity: z.number(),
  audience: audienceSchema,
  points: z.number(),
  booths: z.array(z.object({ giftId: z.string(), giftName: z.string(), price: z.number(), stock: z.number(), left: z.number().optional() })),
  status: z.enum(['published', 'cancelled']),
  /** why it was cancelled (status cancelled) */
  cancelReason: z.string().nullable().optional(),
  seatsLeft: z.number().optional(),
  mine: myRegView.nullable().optional(),
})
const attendeeView = z.object({
  openid: z.string(),
  name: z.string(),
  family: z.number(),
  status: regStatus,
  position: z.number().nullable(),
  walkIn: z.boolean(),
  /** Who added the walk-in (name). */
  walkInBy: z.string().nullable(),
  checkedInAt: z.number().nullable(),
  /** Attendance points credited at check-in. */
  awarded: z.number(),
})
const checkInOut = z.object({
  name: z.string(),
  status: regStatus,
  awarded: z.number(),
  already: z.boolean(),
  /** Why no points were credited, when none were although the event has some. */
  note: z.string().nullable(),
})

const byEvent = z.object({ eventId: idSchema })

export const eventsFn = defineFunction('events', {
  publish: {
    summary: '发布活动（网格员/管理员）：名称、时间、地点、名额、报名截止、面向人群、签到积分（网格员最多为积分规则里签到积分的2倍）、可选兑换摊位',
    roles: STAFF,
    input: publishInput,
    output: eventView,
    errors: ['GIFT_UNKNOWN', 'GIFT_STOCK_SHORT', 'POINTS_OVER_RULE', 'START_IN_PAST', 'END_BEFORE_START', 'DEADLINE_AFTER_END', 'DEADLINE_PAST'],
    moves: ['stock', 'seats', 'points'],
    audit: true,
  },
  update: {
    summary: '修改已发布的活动（网格员/管理员，只限管得着的）：名称、地点、开始和结束时间、报名截止；时间或地点变了，已报名和候补的人收到通知',
    roles: STAFF,
    input: inOrder(byEvent.extend(editable.shape)),
    output: eventView,
    errors: ['NOT_YOUR_EVENT', 'EVENT_CANCELLED', 'EVENT_OVER', 'START_IN_PAST', 'END_BEFORE_START', 'DEADLINE_AFTER_END', 'DEADLINE_PAST'],
    audit: true,
  },
  cancelEvent: {
    summary: '取消活动（写明原因，网格员/管理员，只限管得着的）：已报名和候补的人收到通知，没领的兑换积分退回，摊位上没兑出的礼品回到礼品库存',
    roles: STAFF,
    input: byEvent.extend({ reason: longText('取消原因', 100) }),
    output: eventView,
    errors: ['NOT_YOUR_EVENT', 'EVENT_OVER'],
    moves: ['points', 'stock'],
    audit: true,
  },
  addBooth: {
    summary: '给已发布的活动分配（或追加）礼品摊位库存，从礼品总库存中扣出（网格员/管理员）',
    roles: STAFF,
    input: z.object({ eventId: idSchema, giftId: idSchema, stock: z.number({ error: '请填写数量' }).int().min(1, { error: '数量至少为1' }).max(500) }),
    output: eventView,
    errors: ['GIFT_UNKNOWN', 'GIFT_STOCK_SHORT', 'EVENT_CLOSED', 'NOT_YOUR_EVENT'],
    moves: ['stock'],
    audit: true,
  },
  list: {
    summary: '活动列表：即将开始 / 我报名的（按活动日期：今天起的由近到远，之前的由近到远排在后面）/ 往期（含是否到场）',
    roles: ['resident'],
    input: pageInput.extend({ tab: z.enum(['upcoming', 'mine', 'past']).default('upcoming') }),
    output: pageOutput(eventView),
  },
  detail: { summary: '活动详情（含剩余名额、我的报名和候补位置）', roles: ['resident'], input: byEvent, output: eventView },
  signUp: {
    summary: '报名（可带家人，每人占一个名额）；满员自动候补，有人取消时按顺序递补并通知',
    roles: ['resident'],
    input: byEvent.extend({
      family: z.number().int().min(0).max(4, { error: '最多带4位家人' }).default(0),
      /** The resident granted the reminder subscribe message at this tap. */
      subscribed: z.boolean().default(false),
    }),
    output: myRegView,
    errors: ['EVENT_CLOSED', 'NOT_FOR_YOU', 'EVENT_CANCELLED', 'ALREADY_SIGNED_UP'],
    moves: ['seats'],
  },
  cancel: {
    summary: '取消报名（报名截止前）',
    roles: ['resident'],
    input: byEvent,
    output: myRegView,
    errors: ['NOT_SIGNED_UP', 'EVENT_CLOSED'],
    moves: ['seats'],
  },
  myCode: {
    summary: '我的签到码（给工作人员扫的二维码内容 LINLI:CI:…，不含身份信息）',
    roles: ['resident'],
    input: byEvent,
    output: z.object({ code: z.string() }),
    errors: ['NOT_SIGNED_UP'],
  },
  poster: {
    summary: '活动海报小程序码（网格员/管理员，只限管得着的）：扫码直接打开活动页；第一次生成后存在云存储里',
    roles: STAFF,
    input: byEvent,
    output: z.object({ url: z.string(), page: z.string(), scene: z.string() }),
    errors: ['NOT_YOUR_EVENT', 'EVENT_CANCELLED', 'POSTER_FAILED'],
  },
  checkinCode: {
    summary: '现场签到码（工作人员展示，每分钟更换）',
    roles: STAFF,
    input: byEvent,
    output: z.object({ code: z.string(), validUntil: z.number() }),
    errors: ['NOT_YOUR_EVENT'],
  },
  checkIn: {
    summary: '扫现场码或输入6位签到码签到；签到积分只发一次。输错的次数按人按活动累计（取消后再报名也不清零），没报名的人无论码对错都得到同样的回答',
    roles: ['resident'],
    input: byEvent.extend({ code: z.string().trim().regex(/^\d{6}$/, { error: '请输入6位签到码' }) }),
    output: checkInOut,
    errors: ['CODE_WRONG', 'TOO_MANY_TRIES', 'NOT_SIGNED_UP', 'NOT_OPEN', 'EVENT_CANCELLED'],
    moves: ['points'],
  },
  staffCheckIn: {
    summary:
      '工作人员扫居民的签到码签到，或为没报名的居民现场登记（walkIn：活动开始后、结束前，每人每场有上限，名单和对账中标明）；只能办理自己管得着的活动，不能给自己签到；工作人员自己不得本活动签到积分',
    roles: STAFF,
    input: z.union([byEvent.extend({ code: token('签到码', 10, 200) }), byEvent.extend({ openid: openidSchema, walkIn: z.literal(true) })]),
    output: checkInOut,
    errors: ['CODE_WRONG', 'OTHER_EVENT', 'NOT_SIGNED_UP', 'TARGET_NOT_REGISTERED', 'NOT_OPEN', 'NOT_YOUR_EVENT', 'SELF_DEALING', 'WALKIN_NOT_OPEN', 'WALKIN_LIMIT', 'NOT_IN_AUDIENCE', 'EVENT_CANCELLED'],
    moves: ['points'],
    audit: true,
  },
  attendees: {
    summary: '报名和签到名单（工作人员）',
    roles: STAFF,
    input: byEvent,
    output: z.object({ items: z.array(attendeeView), capacity: z.number(), seated: z.number() }),
    errors: ['NOT_YOUR_EVENT'],
  },
})

export const EVENTS_ERRORS = {
  EVENT_CLOSED: '报名已经截止了，下次早点来',
  NOT_FOR_YOU: '这个活动只面向特定居民，看看别的活动吧',
  EVENT_CANCELLED: '这个活动已取消',
  ALREADY_SIGNED_UP: '您已经报过名了',
  NOT_SIGNED_UP: '您还没有报名这个活动',
  GIFT_UNKNOWN: '没有找到这件礼品',
  GIFT_STOCK_SHORT: '礼品库存不够分配，请减少数量',
  CODE_WRONG: '签到码不对或已过期，请看现场最新的码',
  OTHER_EVENT: '这是另一场活动的签到码，请居民打开本场活动的页面',
  TOO_MANY_TRIES: '签到码输错次数太多了，请找现场工作人员帮您签到',
  NOT_OPEN: '活动还没开始签到（开始前1小时起可签到）',
  TARGET_NOT_REGISTERED: '这位居民还没有登记个人信息',
  NOT_YOUR_EVENT: '这个活动由其他网格负责，您不能管理',
  SELF_DEALING: '不能给自己签到或现场登记，请让其他工作人员办理',
  WALKIN_NOT_OPEN: '活动开始后、结束前才能现场登记',
  WALKIN_LIMIT: '您在这场活动现场登记的人数已到上限，如还有人请找管理员',
  NOT_IN_AUDIENCE: '这位居民不在这个活动面向的人群里',
  POINTS_OVER_RULE: '签到积分超过了积分规则的2倍，更多请找管理员',
  ...TIME_MESSAGES,
  EVENT_OVER: '活动已经结束了，不能再改',
  POSTER_FAILED: '海报码暂时生成不了，请稍后再试',
} as const
export const eventsError = errorCatalog(EVENTS_ERRORS)

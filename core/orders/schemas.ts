/** Input pieces and output views of the orders contract. */
import * as z from 'zod'
import { cloudFileId } from '../contract/files'
import { pageOutput } from '../contract/paging'
import { longText, nameSchema, optionalLongText, optionalText } from '../contract/text'
import { idSchema, openidSchema, phoneSchema, roomSchema } from '../users/schemas'
import { descriptionProblem } from './categories'
import { SKILLS, TEAMS } from '../users/vocab'
import { orderDoc, PRIORITIES, RELATIONS, STATUSES, URGENCIES, WHENS } from './model'

export const orderIdSchema = z
  .string({ error: '请指定单子' })
  .regex(/^o[0-9a-z]{10,30}$/, { error: '单子编号不对' })
export const byId = z.object({ orderId: orderIdSchema })

/** A photo of an order: uploaded by the app under orders/. */
export const fileIdSchema = cloudFileId('orders', '照片应是已上传的文件')
export const photosSchema = z.array(fileIdSchema).max(3, { error: '最多3张照片' }).default([])

/** Subscribe-message templates the user just granted at this tap (one-time each). */
export const subscribeSchema = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
  .max(3)
  .optional()

export const starsSchema = z.number({ error: '请选择1到5星' }).int().min(1, { error: '请选择1到5星' }).max(5, { error: '请选择1到5星' })
export const pointsSchema = z.number({ error: '积分应是数字' }).int().min(0).max(500, { error: '积分最多500' })

/** An optional field a form may send empty: '' is "not given", anything else must be valid. */
const blankAsNone = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

export const createInput = z
  .object({
    category: z.enum(SKILLS, { error: '请选择服务类别' }),
    description: longText('需求描述', 500),
    photos: photosSchema,
    /** Defaults to the (served) resident's 楼栋/单元. */
    buildingId: idSchema.optional(),
    unitId: idSchema.optional(),
    /** 门牌号: defaults to one's profile; required for services at home (ROOM_REQUIRED at `room`). */
    room: roomSchema,
    address: optionalText('地址补充', 60),
    when: z.enum(WHENS, { error: '请选择时间' }).default('asap'),
    /** Booked date and time (ms) for appointment categories (陪诊, 法律咨询, 心理疏导): required there, not in the past. */
    appointmentAt: z.number({ error: '请选择预约的日期和时间' }).int().positive().optional(),
    urgency: z.enum(URGENCIES, { error: '请选择是否着急' }).default('normal'),
    /** 代下单: a 楼栋长 / 网格员 ordering for a neighbour (who may have no phone). */
    onBehalfOf: z
      .object({
        name: nameSchema,
        /** Empty texts mean "not given" (the form sends what was typed). */
        phone: blankAsNone(phoneSchema),
        openid: openidSchema.optional(),
        buildingId: idSchema,
        unitId: blankAsNone(idSchema),
        room: roomSchema,
        /** The proxy's relation to the neighbour (defaults to their role: 楼栋长 / 网格员). */
        relation: blankAsNone(z.enum(RELATIONS, { error: '请选择您和邻居的关系' })),
      })
      .optional(),
    subscribe: subscribeSchema,
  })
  // a description that only repeats the category is refused at the field, so the server agrees with the form
  .superRefine((v, ctx) => {
    const problem = descriptionProblem(v.category, v.description)
    if (problem) ctx.addIssue({ code: 'custom', path: ['description'], message: problem })
  })

export const triageExtras = {
  priority: z.enum(PRIORITIES, { error: '请选择优先级' }).optional(),
  points: pointsSchema.optional(),
  note: optionalLongText('说明', 200),
  /** After a reopen: the volunteer earns points again on the next confirmation. */
  awardAgain: z.boolean().optional(),
}

export const skillOpt = z.enum(SKILLS, { error: '请选择技能' }).nullable().optional()
export const teamOpt = z.enum(TEAMS, { error: '请选择队伍' }).nullable().optional()

const INTERNAL = { parties: true, audienceKey: true, queueKey: true, poolKey: true, streetKey: true, whoKey: true, grants: true, checkDue: true, facts: true } as const
export const orderView = orderDoc.omit(INTERNAL).extend({
  /** Temporary URLs of the order's photos and done photos, by cloud file id (missing files left out). */
  photoUrls: z.record(z.string(), z.string()).default({}),
})
export type OrderView = z.infer<typeof orderView>

export const orderSummary = orderDoc.pick({
  _id: true,
  category: true,
  description: true,
  status: true,
  urgency: true,
  priority: true,
  points: true,
  address: true,
  appointmentAt: true,
  servedName: true,
  buildingId: true,
  gridId: true,
  communityId: true,
  pool: true,
  contactName: true,
  proxy: true,
  volunteerName: true,
  assigneeName: true,
  overdue: true,
  dueAt: true,
  reopenCount: true,
  no: true,
  stage: true,
  createdAt: true,
  updatedAt: true,
})
export type OrderSummary = z.infer<typeof orderSummary>
export const pageOut = pageOutput(orderSummary)

export const noticeView = z.object({
  _id: z.string(),
  to: z.string(),
  /** An order notice (NOTICE_KINDS) or another feature's, e.g. event_reminder. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  orderId: z.string().nullable(),
  eventId: z.string().nullable().default(null),
  /** A 议题 it is about (议事 feedback). */
  topicId: z.string().nullable().default(null),
  /** A 调解 case it is about (only its parties, reporter and mediators, or the grid's 网格员, get one). */
  disputeId: z.string().nullable().default(null),
  at: z.number(),
  read: z.boolean(),
})
export type NoticeView = z.infer<typeof noticeView>

export const statusFilter = z.enum(['active', 'all'], { error: '请选择范围' }).default('all')
export { STATUSES }

/** An escalated 大事 in the street office's queue, with its clocks (core/orders/street.ts). */
export const streetItem = orderSummary.extend({
  triage: orderDoc.shape.triage,
  street: orderDoc.shape.street,
  clock: z.object({ respondBy: z.number(), solveBy: z.number(), respondLate: z.boolean(), solveLate: z.boolean() }),
})
export type StreetItem = z.infer<typeof streetItem>

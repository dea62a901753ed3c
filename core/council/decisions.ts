/** What the host records at a 议事会 and what the minutes, a topic's decision and a 楼栋长's tell tasks look like (schemas). */
import * as z from 'zod'
import { longText, text } from '../contract/text'
import { pointsSchema } from '../orders/schemas'
import { SKILLS } from '../users/vocab'
import { idSchema } from '../users/schemas'
import { isDay } from './calendar'
import { ACTION_KINDS } from './minutes'

export const daySchema = z
  .string({ error: '请选择日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式不对，例如 2026-12-03' })
  .refine(isDay, { error: '没有这一天，请重新选' })

const actionBase = {
  title: text('要办的事', 30, { letter: true }),
  /** Who sees it done: a staff member of the community. */
  owner: idSchema,
  due: daySchema,
}

export const actionInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('orders'),
      ...actionBase,
      category: z.enum(SKILLS, { error: '请选择服务类别' }),
      /** Where the work is (its grid's volunteers see the orders). */
      buildingId: idSchema,
      points: pointsSchema,
      count: z.number({ error: '请填写几单' }).int().min(1, { error: '至少1单' }).max(10, { error: '一次最多10单' }),
    }),
    z.object({
      kind: z.literal('event'),
      ...actionBase,
      startAt: z.number({ error: '请选择活动时间' }).int(),
      minutes: z.number({ error: '请填写时长' }).int().min(15, { error: '至少 15 分钟' }).max(480, { error: '最多 8 小时' }),
      place: text('地点', 40),
      capacity: z.number({ error: '请填写人数' }).int().min(1, { error: '至少 1 人' }).max(500, { error: '最多 500 人' }),
      points: pointsSchema,
    }),
    z.object({ kind: z.literal('escalate'), ...actionBase }),
    z.object({ kind: z.literal('rule'), ...actionBase }),
  ],
  { error: '请选择决议要怎么落实' },
)
export type ActionInput = z.infer<typeof actionInput>

export const minutesItemInput = z.object({
  topicId: idSchema,
  summary: longText('讨论情况', 500),
  outcome: z.enum(['decided', 'deferred'], { error: '请选择形成决议还是暂缓' }),
  decision: longText('决议', 300).optional(),
  dissent: longText('不同意见', 300).optional(),
  actions: z.array(actionInput).max(5, { error: '一个决议最多5项要办的事' }).default([]),
})

export const actionView = z.object({
  id: z.string(),
  kind: z.enum(Object.keys(ACTION_KINDS) as [keyof typeof ACTION_KINDS]),
  title: z.string(),
  ownerName: z.string(),
  due: z.string(),
  doneAt: z.number().nullable(),
  /** The service orders or the event it made. */
  refs: z.array(z.string()),
})
export type ActionView = z.infer<typeof actionView>

export const minutesItemView = z.object({
  topicId: z.string(),
  title: z.string(),
  summary: z.string(),
  outcome: z.enum(['decided', 'deferred']),
  decision: z.string().nullable(),
  dissent: z.string().nullable(),
  actions: z.array(actionView),
})
export type MinutesItemView = z.infer<typeof minutesItemView>

export const minutesView = z.object({
  sessionId: z.string(),
  title: z.string(),
  startAt: z.number(),
  status: z.enum(['draft', 'published']),
  recordedBy: z.string(),
  /** When this draft was written: a confirmation names it, so what is confirmed is what was read. */
  draftAt: z.number(),
  /** People checked in at the session (counted, not typed). */
  attendance: z.number(),
  items: z.array(minutesItemView),
  hostConfirmed: z.boolean(),
  /** The committee member who confirmed. */
  memberConfirmed: z.string().nullable(),
  publishedAt: z.number().nullable(),
  /** 公示 ends; objections are taken until then. */
  publicUntil: z.number().nullable(),
  objections: z.array(z.object({ text: z.string(), at: z.number() })),
})
export type MinutesView = z.infer<typeof minutesView>

export const decisionView = z.object({
  sessionId: z.string(),
  decidedAt: z.number(),
  decision: z.string(),
  dissent: z.string().nullable(),
  actions: z.array(actionView),
  progress: z.object({ done: z.number(), all: z.number() }),
})

export const tellView = z.object({
  _id: z.string(),
  topicId: z.string(),
  title: z.string(),
  /** The neighbour to tell in person, and where they live. */
  neighbour: z.string(),
  stage: z.enum(['decided', 'done']),
  message: z.string(),
  told: z.boolean(),
  at: z.number(),
})

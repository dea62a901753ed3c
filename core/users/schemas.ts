import * as z from 'zod'
import { ROLES } from '../contract/roles'
import { optionalLongText, optionalText } from '../contract/text'
import { APPLICATION_STATUSES, SKILLS, TEAMS, TIME_SLOTS } from './vocab'

/** Ids of grids, buildings and units: short, safe as document ids. */
export const idSchema = z
  .string({ error: '请选择' })
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: '编号格式不对' })

/** A WeChat OPENID (28 characters of letters, digits, - and _; demo and test ids are shorter). */
export const openidSchema = z.string({ error: '请指定用户' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '用户编号不对' })

/** 门牌号 (e.g. 302): optional in a profile, required where a service comes to the door. */
export const roomSchema = optionalText('门牌号', 10)

export const phoneSchema = z.string({ error: '请填写手机号' }).regex(/^1\d{10}$/, { error: '请填写11位手机号' })

export const applicationSchema = z.object({
  skills: z.array(z.enum(SKILLS, { error: '请从列表中选择技能' })).min(1, { error: '请至少选一项技能' }).max(SKILLS.length),
  availableTimes: z
    .array(z.enum(TIME_SLOTS, { error: '请从列表中选择时间' }))
    .min(1, { error: '请至少选一个方便的时间' })
    .max(TIME_SLOTS.length),
  team: z.enum(TEAMS, { error: '请从列表中选择队伍' }).optional(),
  intro: optionalLongText('自我介绍', 200),
})

/** A volunteer application as stored on the user and as shown to staff. */
export const applicationView = applicationSchema.extend({
  status: z.enum(APPLICATION_STATUSES),
  appliedAt: z.number(),
  reviewedAt: z.number().optional(),
  reviewedBy: z.string().optional(),
  reason: z.string().optional(),
})

export const placeSchema = z.object({ communityId: z.string(), streetId: z.string() })

export const scopesSchema = z.object({
  /** Streets a 街道管理员 oversees. */
  streets: z.array(z.string()),
  /** Communities where they act as 网格员 or 管理员. */
  communities: z.array(z.string()),
  staffOf: z.array(z.string()),
  adminOf: z.array(z.string()),
  /** Grids a 网格员 serves. */
  grids: z.array(z.string()),
  /** Buildings a 楼栋长 serves. */
  buildings: z.array(z.string()),
})

/** A user as shown to a caller: `phone` is whole for the owner, masked (138****5678) for anyone else. */
export const userView = z.object({
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  buildingId: z.string(),
  unitId: z.string(),
  room: z.string().default(''),
  gridId: z.string(),
  communityId: z.string(),
  roles: z.array(z.enum(ROLES)),
  scopes: scopesSchema,
  volunteer: applicationView.nullable(),
  createdAt: z.number(),
})
export type UserView = z.infer<typeof userView>

export const applicationItem = applicationView.extend({
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  buildingId: z.string(),
  gridId: z.string(),
})

import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { pageInput, pageOutput } from '../contract/paging'
import { ROLES, STAFF } from '../contract/roles'
import { longText, nameSchema, searchText, token } from '../contract/text'
import {
  applicationItem,
  applicationSchema,
  idSchema,
  openidSchema,
  phoneSchema,
  roomSchema,
  placeSchema,
  scopesSchema,
  userView,
} from './schemas'
import { APPLICATION_STATUSES } from './vocab'

/** Roles that are granted by hand (volunteer comes from an approved application). */
export const GRANTABLE_ROLES = ['staff', 'building_lead', 'admin', 'street_admin'] as const
export type GrantableRole = (typeof GRANTABLE_ROLES)[number]

const grantInput = z.discriminatedUnion(
  'role',
  [
    z.object({ openid: openidSchema, role: z.literal('staff'), grids: z.array(idSchema).min(1, { error: '请至少选一个网格' }).max(20) }),
    z.object({
      openid: openidSchema,
      role: z.literal('building_lead'),
      buildings: z.array(idSchema).min(1, { error: '请至少选一个楼栋' }).max(50),
    }),
    z.object({ openid: openidSchema, role: z.literal('admin') }),
    z.object({ openid: openidSchema, role: z.literal('street_admin') }),
  ],
  { error: '请选择要授予的角色' },
)

const revokeInput = z.object({
  openid: openidSchema,
  role: z.enum(['volunteer', ...GRANTABLE_ROLES], { error: '请选择要撤销的角色' }),
  /** Only for staff / building_lead: remove these grids / buildings; omitted = all of them (within the caller's scope). */
  scope: z.array(idSchema).min(1).max(50).optional(),
})

const usersOut = pageOutput(userView).extend({ total: z.number() })

const myDataView = z.object({
  profile: userView,
  orders: z.array(z.object({ id: z.string(), category: z.string(), status: z.string(), createdAt: z.number(), as: z.enum(['resident', 'proxy', 'volunteer']) })),
  signUps: z.array(z.object({ eventId: z.string(), title: z.string(), status: z.string(), startAt: z.number().nullable() })),
  points: z.object({ balance: z.number(), entries: z.number() }),
  redemptions: z.array(z.object({ giftName: z.string(), status: z.string(), createdAt: z.number() })),
  /** What stands in the way of deleting the account now, or null. */
  blocker: z.enum(['HAS_WORK_ROLE', 'HAS_ACTIVE_ORDERS', 'HAS_ACTIVE_TASKS', 'HAS_SIGNUPS']).nullable(),
})

const homeView = z.object({
  /** unread notices (orders and events) */
  unread: z.number(),
  /** my orders a volunteer reported done: waiting for me to confirm */
  toConfirm: z.array(z.object({ _id: z.string(), category: z.string(), description: z.string(), doneAt: z.number().nullable() })),
  /** events I signed up for that are on today or running now */
  today: z.array(z.object({ id: z.string(), title: z.string(), place: z.string(), startAt: z.number(), endAt: z.number(), checkedIn: z.boolean() })),
  /** volunteers: orders I accepted and have not finished */
  activeTasks: z.number(),
  /** staff and admins: orders of their grids (an admin: the community acted in) waiting to be dispatched */
  toDispatch: z.number(),
})

export const users = defineFunction('users', {
  me: {
    summary: '我的信息：资料（未登记为 null）、角色和管辖范围',
    roles: 'anyone',
    input: z.object({}),
    output: z.object({ profile: userView.nullable(), roles: z.array(z.enum(ROLES)), scopes: scopesSchema, place: placeSchema.nullable() }),
  },
  actIn: {
    summary: '切换正在办事的社区（管多个社区的工作人员、街道管理员）；之后的操作都在这个社区里',
    roles: ['staff', 'admin', 'street_admin'],
    input: z.object({ communityId: idSchema }),
    output: placeSchema,
    errors: ['NOT_YOUR_COMMUNITY'],
  },
  updateProfile: {
    summary: '登记或修改个人资料（姓名、手机号、住址楼栋/单元、可选门牌号）；第一次登记即成为居民',
    roles: 'anyone',
    input: z.object({ name: nameSchema, phone: phoneSchema, buildingId: idSchema, unitId: idSchema, room: roomSchema }),
    output: userView,
    errors: ['UNKNOWN_BUILDING', 'UNKNOWN_UNIT'],
  },
  applyVolunteer: {
    summary: '申请成为志愿者（技能、方便的时间、可选队伍和自我介绍），等待网格员审核；被拒后可重新申请',
    roles: ['resident'],
    input: applicationSchema,
    output: userView,
    errors: ['ALREADY_VOLUNTEER'],
  },
  listVolunteerApplications: {
    summary: '志愿者申请列表（网格员只看自己网格，管理员看全部）',
    roles: STAFF,
    input: pageInput.extend({
      status: z.enum(APPLICATION_STATUSES, { error: '请选择状态' }).default('pending'),
      gridId: idSchema.optional(),
    }),
    output: pageOutput(applicationItem).extend({ total: z.number() }),
  },
  reviewVolunteer: {
    audit: true,
    summary: '审核志愿者申请：通过或不通过（不通过须写原因）',
    roles: STAFF,
    input: z.discriminatedUnion(
      'decision',
      [
        z.object({ openid: openidSchema, decision: z.literal('approve') }),
        z.object({
          openid: openidSchema,
          decision: z.literal('reject'),
          reason: longText('不通过的原因', 200),
        }),
      ],
      { error: '请选择通过或不通过' },
    ),
    output: userView,
    errors: ['NO_APPLICATION', 'ALREADY_REVIEWED'],
  },
  grantRole: {
    audit: true,
    summary: '授予角色（在正在办事的社区）：管理员可授予网格员（含网格）、楼栋长（含楼栋，须住本社区）、管理员（须同一街道）；网格员可在自己网格内授予楼栋长；街道管理员可任命街道管理员',
    roles: [...STAFF, 'street_admin'],
    input: grantInput,
    output: userView,
    errors: ['TARGET_NOT_REGISTERED', 'UNKNOWN_GRID', 'UNKNOWN_BUILDING'],
  },
  revokeRole: {
    audit: true,
    summary: '撤销角色（在正在办事的社区；可只撤销部分网格/楼栋）；网格员只能撤销自己网格内的楼栋长；管理员不能撤销自己的管理员身份',
    roles: [...STAFF, 'street_admin'],
    input: revokeInput,
    output: userView,
    errors: ['TARGET_NOT_REGISTERED', 'CANNOT_REVOKE_SELF'],
  },
  listUsers: {
    summary: '居民名单（网格员只看自己网格，管理员看全部），可按网格、楼栋、角色筛选，按姓名搜索',
    roles: STAFF,
    input: pageInput.extend({
      gridId: idSchema.optional(),
      buildingId: idSchema.optional(),
      role: z.enum(ROLES, { error: '请选择角色' }).optional(),
      keyword: searchText(20),
    }),
    output: usersOut,
  },
  home: {
    summary: '首页「等您办」：未读消息数、等我确认的单子、今天要去的活动、我进行中的任务',
    roles: ['resident'],
    input: z.object({}),
    output: homeView,
  },
  myData: {
    summary: '我的数据：我们保存的您的全部资料——个人资料、单子、活动报名、积分、兑换；以及现在能不能注销、还要先办什么',
    roles: ['resident'],
    input: z.object({}),
    output: myDataView,
  },
  deleteAccount: {
    summary:
      '注销账户：资料删除；单子、活动报名、兑换记录里的姓名、电话改为「已注销用户」，不再和您相连；剩余积分清零（回到社区积分池，账目平衡）；没领的兑换先取消退回。担任工作身份、还有没办完的单子或没开始的活动报名时不能注销，会说明先办什么',
    roles: ['resident'],
    input: z.object({ confirm: z.literal(true, { error: '请确认要注销' }) }),
    output: z.object({ deleted: z.literal(true), forfeited: z.number() }),
    errors: ['HAS_WORK_ROLE', 'HAS_ACTIVE_ORDERS', 'HAS_ACTIVE_TASKS', 'HAS_SIGNUPS'],
    moves: ['points'],
    audit: true,
  },
  bootstrapAdmin: {
    audit: true,
    summary: '首位管理员：凭一次性邀请码（环境变量 LINLI_ADMIN_INVITE）或在名单内（LINLI_ADMIN_OPENIDS）成为管理员',
    roles: ['resident'],
    input: z.object({ code: token('邀请码', 1, 100).optional() }),
    output: userView,
    errors: ['INVITE_INVALID', 'INVITE_USED'],
  },
})

export const USERS_ERRORS = {
  UNKNOWN_BUILDING: '没有找到这个楼栋，请重新选择',
  UNKNOWN_UNIT: '这个楼栋没有这个单元，请重新选择',
  UNKNOWN_GRID: '没有找到这个网格，请重新选择',
  NOT_YOUR_COMMUNITY: '您不在这个社区工作，不能切换过去',
  ALREADY_VOLUNTEER: '您已经是志愿者了，不用再申请',
  NO_APPLICATION: '这位居民还没有提交志愿者申请',
  ALREADY_REVIEWED: '这份申请已经审核过了，请刷新后再看',
  TARGET_NOT_REGISTERED: '这位用户还没有登记个人信息，请先让他登记',
  CANNOT_REVOKE_SELF: '不能撤销自己的管理员身份，请让另一位管理员操作',
  INVITE_INVALID: '邀请码不对，请向社区确认',
  INVITE_USED: '邀请码已经用过了，请联系现有管理员为您授权',
  HAS_WORK_ROLE: '您还担任网格员、楼栋长或管理员，请先请管理员撤销工作身份，再注销',
  HAS_ACTIVE_ORDERS: '您还有没办完的单子，请先取消，或等办完确认后再注销',
  HAS_ACTIVE_TASKS: '您还有接了没办完的单子，请先办完或放弃，再注销',
  HAS_SIGNUPS: '您还报名了没开始的活动，请先取消报名，再注销',
} as const

export const usersError = errorCatalog(USERS_ERRORS)

/**
 * The `orders` cloud function: 点单 → 派单 → 接单 → 服务 → 评价. One contract per action; the
 * router validates input and roles from here, scope checks live in permissions.ts.
 */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { pageInput, pageOutput } from '../contract/paging'
import { STAFF } from '../contract/roles'
import { longText, optionalLongText, searchText, text } from '../contract/text'
import { idSchema, openidSchema } from '../users/schemas'
import { SKILLS } from '../users/vocab'
import { CHECK_ANSWERS, STAGES, URGENCIES } from './model'
import { slaSchema, slaView } from './sla-schema'
import {
  byId,
  createInput,
  noticeView,
  orderIdSchema,
  orderSummary,
  orderView,
  pageOut,
  photosSchema,
  skillOpt,
  starsSchema,
  statusFilter,
  streetItem,
  subscribeSchema,
  teamOpt,
  triageExtras,
} from './schemas'

const VOLUNTEER = ['volunteer'] as const
const REGISTERED = ['resident'] as const
const changed = orderSummary

export const orders = defineFunction('orders', {
  // resident (and 楼栋长 / 网格员 ordering for a neighbour)
  create: {
    summary: '服务点单：类别、描述（≤500字）、最多3张照片、地址（默认自家楼栋/单元）、时间、是否着急；楼栋长/网格员可为邻居代下单',
    roles: REGISTERED,
    input: createInput,
    output: changed,
    errors: ['UNKNOWN_BUILDING', 'NOT_YOUR_NEIGHBOUR', 'ROOM_REQUIRED', 'UNIT_REQUIRED', 'APPOINTMENT_REQUIRED', 'APPOINTMENT_PAST'],
  },
  get: {
    summary: '单子详情和完整进度；志愿者接单前看到的电话是打码的',
    roles: REGISTERED,
    input: byId,
    output: orderView,
  },
  mine: {
    summary: '我的单子（我点的、为我点的、我代点的），新的在前，按游标翻页',
    roles: REGISTERED,
    input: pageInput.extend({ scope: statusFilter }),
    output: pageOut,
  },
  cancel: {
    summary: '取消单子（志愿者接单之前）',
    roles: REGISTERED,
    input: byId.extend({ reason: optionalLongText('取消原因', 200) }),
    output: changed,
  },
  confirm: {
    summary: '确认完成，可同时评价（1–5星和留言）；志愿者获得积分（每单一次）',
    roles: REGISTERED,
    input: byId.extend({ stars: starsSchema.optional(), comment: optionalLongText('评价', 200) }),
    output: changed,
    moves: ['points'],
  },
  rate: {
    summary: '评价已完成的单子（1–5星和留言），每单一次',
    roles: REGISTERED,
    input: byId.extend({ stars: starsSchema, comment: optionalLongText('评价', 200) }),
    output: changed,
    errors: ['ALREADY_RATED'],
  },
  reopen: {
    summary: '没解决？完成后7天内可重新打开，回到网格员那里重新安排（历史保留）',
    roles: REGISTERED,
    input: byId.extend({ reason: longText('原因', 200) }),
    output: changed,
    errors: ['REOPEN_EXPIRED'],
  },
  answerCheck: {
    summary:
      '回访：这件事解决了吗？（已解决 / 部分解决 / 没解决）单子办结后由居民或代下单的人答一次；没解决的，7天内的单子重新打开回到网格员那里，其他的（已办结、已转介、超过7天）通知网格员跟进',
    roles: REGISTERED,
    input: byId.extend({ answer: z.enum(CHECK_ANSWERS, { error: '请选择解决了没有' }) }),
    output: changed,
    errors: ['CHECK_ANSWERED'],
  },
  // staff (网格员: own grids; admin: all)
  triageQueue: {
    summary: '分派队列（正在办事的社区）：超时的、重新打开的、新的在前，然后是已上报跟进中的；街道管理员只读（不显示电话）',
    roles: [...STAFF, 'street_admin'],
    input: pageInput.extend({ gridId: idSchema.optional() }),
    output: pageOut,
  },
  staffOrders: {
    summary:
      '工作人员找单子（正在办事的社区）：按阶段（待分派 超时的和重新打开的在前；其他阶段新的在前；全部），或按居民姓名（开头几个字）、单号、楼栋找（不分阶段）；网格员看自己的网格，管理员看全社区，街道管理员只读（不显示电话）',
    roles: [...STAFF, 'street_admin'],
    input: pageInput.extend({
      stage: z.enum([...STAGES, 'all'], { error: '请选择阶段' }).default('to_dispatch'),
      gridId: idSchema.optional(),
      buildingId: idSchema.optional(),
      q: searchText(20),
    }),
    output: pageOut,
  },
  publish: {
    summary: '小事：发布到志愿者接单池（可只给某技能或队伍，如红管家），设优先级和积分（网格员最多为该类服务规定积分的2倍）；派单时同意的订阅消息用于志愿者退回或超时的提醒',
    roles: STAFF,
    input: byId.extend({ skill: skillOpt, team: teamOpt, ...triageExtras, toStreet: z.boolean().optional(), subscribe: subscribeSchema }),
    output: changed,
    errors: ['POINTS_OVER_RULE', 'OWN_REQUEST', 'AWARD_LIMIT', 'RESERVED'],
    moves: ['points'],
  },
  assign: {
    summary: '小事：指派给一位志愿者（对方确认接单），设优先级和积分（网格员最多为该类服务规定积分的2倍）；不能指派给单子的居民、代下单人或自己',
    roles: STAFF,
    input: byId.extend({ volunteerId: openidSchema, ...triageExtras, subscribe: subscribeSchema }),
    output: changed,
    errors: ['NOT_A_VOLUNTEER', 'POINTS_OVER_RULE', 'SELF_DEALING', 'OWN_DISPATCH', 'OWN_REQUEST', 'AWARD_LIMIT', 'RESERVED'],
    moves: ['points'],
  },
  escalate: {
    summary: '大事：上报部门并记录说明，跟进到办结；toStreet 时进入街道的上报队列（街道管理员答复，有响应和办结时限）',
    roles: STAFF,
    input: byId.extend({ department: text('部门', 40), note: longText('说明', 200), toStreet: z.boolean().optional() }),
    output: changed,
  },
  streetQueue: {
    summary: '街道：各社区上报街道的大事（未答复的在前），带响应和办结时限；不显示居民电话',
    roles: ['street_admin'],
    input: pageInput.extend({ communityId: idSchema.optional() }),
    output: z.object({ items: z.array(streetItem), next: z.string().nullable() }),
  },
  streetReply: {
    summary: '街道管理员答复社区上报的大事（可多次补充）；社区网格员在单子上看到答复，再跟进到办结',
    roles: ['street_admin'],
    input: byId.extend({ note: longText('答复', 300) }),
    output: changed,
  },
  followUp: {
    summary: '已上报的事情：记录跟进情况',
    roles: STAFF,
    input: byId.extend({ note: longText('跟进情况', 200) }),
    output: changed,
  },
  close: {
    summary: '已上报的事情：办结',
    roles: STAFF,
    input: byId.extend({ note: longText('办结说明', 200) }),
    output: changed,
  },
  refer: {
    summary: '私事：给出转介建议（市场服务、调解、法律援助等）并结束',
    roles: STAFF,
    input: byId.extend({ guidance: longText('转介建议', 300) }),
    output: changed,
  },
  reject: {
    summary: '不受理，写明原因',
    roles: STAFF,
    input: byId.extend({ reason: longText('原因', 200) }),
    output: changed,
  },
  reassign: {
    summary: '重新安排：志愿者放弃或超时后，改派给另一位志愿者或重新放回接单池',
    roles: STAFF,
    input: byId.extend({ volunteerId: openidSchema.nullable().optional(), skill: skillOpt, team: teamOpt, reason: longText('原因', 200) }),
    output: changed,
    errors: ['NOT_A_VOLUNTEER', 'SELF_DEALING', 'OWN_DISPATCH', 'OWN_REQUEST', 'RESERVED'],
  },
  // volunteer
  pool: {
    summary: '接单池：我能接的单子（可按类别、网格、是否着急筛选），急的在前',
    roles: VOLUNTEER,
    input: pageInput.extend({
      category: z.enum(SKILLS, { error: '请选择类别' }).optional(),
      gridId: idSchema.optional(),
      urgency: z.enum(URGENCIES, { error: '请选择是否着急' }).optional(),
    }),
    output: pageOut,
  },
  accept: {
    summary: '接单：多人同时抢一张单子时只有一位成功，其他人会看到“已被接单”',
    roles: VOLUNTEER,
    input: byId.extend({ subscribe: subscribeSchema }),
    output: changed,
    errors: ['ORDER_TAKEN', 'SELF_DEALING', 'OWN_DISPATCH', 'RESERVED'],
    moves: ['points'],
  },
  start: { summary: '开始服务', roles: VOLUNTEER, input: byId, output: changed },
  reportDone: {
    summary: '服务完成：写几句说明，可附最多3张照片，请居民确认',
    roles: VOLUNTEER,
    input: byId.extend({ note: longText('完成说明', 300), photos: photosSchema }),
    output: changed,
  },
  release: {
    summary: '放弃这张单子（写明原因），回到接单池或网格员那里',
    roles: VOLUNTEER,
    input: byId.extend({ reason: longText('原因', 200) }),
    output: changed,
  },
  tasks: {
    summary: '我的任务：我接的单子，新的在前',
    roles: VOLUNTEER,
    input: pageInput.extend({ scope: statusFilter }),
    output: pageOut,
  },
  // everyone
  inbox: {
    summary: '消息：接单、开始、完成、请确认、评价、重新打开、超时等通知，新的在前',
    roles: REGISTERED,
    input: pageInput,
    output: pageOutput(noticeView).extend({ unread: z.number() }),
  },
  markRead: {
    summary: '把消息标为已读（不传编号则全部已读）',
    roles: REGISTERED,
    input: z.object({ ids: z.array(z.string().regex(/^[0-9A-Za-z_:.-]{1,120}$/)).max(50).optional() }),
    output: z.object({ updated: z.number() }),
  },
  sla: {
    summary: '超时时限（每个阶段几小时，按是否着急，可按类别单独设）：本社区自己的，没有则用街道统一的，再没有用默认',
    roles: [...STAFF, 'street_admin'],
    input: z.object({}),
    output: slaView,
  },
  setSla: {
    summary: '管理员设置本社区的超时时限，街道管理员设置街道统一的（level: street，没有自己设置的社区都用它）；对之后进入新阶段的单子生效',
    roles: ['admin', 'street_admin'],
    input: slaSchema.extend({ level: z.enum(['community', 'street']).optional() }),
    output: slaView,
  },
  tick: {
    summary: '定时任务（也可由管理员手动触发）：标记超时单子；完成超过72小时未确认的自动确认；办结满3天的发出回访',
    roles: ['admin'],
    input: z.object({}),
    output: z.object({ overdue: z.number(), autoConfirmed: z.number(), checksAsked: z.number() }),
  },
})

export type OrdersContract = typeof orders

export const ORDER_ERRORS = {
  ORDER_TAKEN: '已被接单，看看别的单子吧',
  REOPEN_EXPIRED: '完成已超过7天，不能再重新打开了，有问题请联系网格员',
  ALREADY_RATED: '您已经评价过了，谢谢！',
  CHECK_ANSWERED: '这次回访您已经答过了，谢谢！还有问题请联系网格员',
  NOT_DUE: '还没到时间',
  NOT_A_VOLUNTEER: '这位还不是志愿者，请换一位',
  NOT_YOUR_NEIGHBOUR: '只能为自己负责的楼栋或网格里的居民代下单',
  UNKNOWN_BUILDING: '没有找到这个楼栋，请重新选择',
  ROOM_REQUIRED: '上门的服务要写门牌号，比如 302，志愿者才找得到',
  UNIT_REQUIRED: '上门的服务要选单元，志愿者才找得到',
  APPOINTMENT_REQUIRED: '请选择预约的日期和时间',
  APPOINTMENT_PAST: '预约时间已经过了，请重新选择',
  SELF_DEALING: '不能接或被指派自己的单子（也包括自己代下的单子），请换一位志愿者',
  OWN_DISPATCH: '自己派出的单子不能自己接，请让其他志愿者接单',
  OWN_REQUEST: '自己下的（或代邻居下的）单子，要由其他网格员或管理员派单',
  RESERVED: '这张单子是微心愿认领人的服务，只能派给认领的那位志愿者',
  AWARD_LIMIT: '这张单子已经再给过一次积分了，不能再给',
  POINTS_OVER_RULE: '积分超过了这类服务规定的2倍，更多请找管理员',
} as const
export const orderError = errorCatalog(ORDER_ERRORS)

export { orderIdSchema }

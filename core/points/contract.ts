/**
 * `points` function: the 爱心银行 — balance, statement, staff adjustments, rules, gifts, redemption
 * at event booths and reconciliation.
 */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { STAFF } from '../contract/roles'
import { cloudFileId } from '../contract/files'
import { longText, text, token } from '../contract/text'
import { idSchema, openidSchema, pageSchema } from '../users/schemas'

const reason = longText('原因', 100, { min: 2 })
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, { error: '请求编号格式不对' })
const points = (max: number) => z.number({ error: '积分应是数字' }).int({ error: '积分应是整数' }).min(0).max(max)
const codeInput = token('兑换码', 4, 80)

export const sourceView = z.object({ kind: z.enum(['order', 'event', 'redemption', 'adjustment', 'expiry']), id: z.string() })
export const entryView = z.object({
  id: z.string(),
  at: z.number(),
  /** Signed from the viewer's side: + earned, − spent. */
  amount: z.number(),
  reason: z.string(),
  source: sourceView,
})
export const balanceView = z.object({
  balance: z.number(),
  expiringSoon: z.object({ amount: z.number(), expiresAt: z.number() }),
  lots: z.record(z.string(), z.number()),
})
export const rulesView = z.object({
  categoryPoints: z.record(z.string(), z.number()),
  attendancePoints: z.number(),
  dailyCap: z.number().nullable(),
  expiry: z.string(),
})
export const giftView = z.object({
  id: z.string(),
  name: z.string(),
  photo: z.string(),
  price: z.number(),
  totalStock: z.number(),
  allocated: z.number(),
  perPersonLimit: z.number(),
  activeFrom: z.number(),
  activeTo: z.number(),
})
export const redemptionView = z.object({
  code: z.string(),
  display: z.string(),
  qr: z.string(),
  eventId: z.string(),
  giftId: z.string(),
  giftName: z.string(),
  price: z.number(),
  status: z.enum(['reserved', 'redeemed', 'expired', 'cancelled']),
  createdAt: z.number(),
})
export const boothLineView = z.object({
  giftId: z.string(),
  giftName: z.string(),
  price: z.number(),
  allocated: z.number(),
  free: z.number(),
  reserved: z.number(),
  redeemed: z.number(),
  returned: z.number(),
  onHand: z.number(),
  pointsDebited: z.number(),
  pointsRefunded: z.number(),
  balanced: z.boolean(),
})


export const pointsFn = defineFunction('points', {
  balance: { summary: '我的积分：余额、即将过期（今年底到期）的积分', roles: ['resident'], input: z.object({}), output: balanceView },
  statement: {
    summary: '积分明细：每一笔的时间、增减、原因和来源（服务单、活动、兑换、调整、过期）',
    roles: ['resident'],
    input: pageSchema,
    output: z.object({ items: z.array(entryView), hasMore: z.boolean() }),
  },
  adjust: {
    summary: '调整积分（网格员限本网格居民，管理员不限），必须写原因；记录操作人，可追溯',
    roles: STAFF,
    input: z.object({
      openid: openidSchema,
      delta: z.number({ error: '请填写调整的积分' }).int({ error: '积分应是整数' }).min(-10000).max(10000).refine((d) => d !== 0, { error: '调整积分不能为0' }),
      reason,
      requestId,
    }),
    output: z.object({ balance: z.number(), transferId: z.string() }),
    errors: ['INSUFFICIENT_POINTS', 'OUT_OF_SCOPE', 'TARGET_NOT_REGISTERED'],
  },
  accounts: {
    summary: '居民积分账户（网格员只看自己网格，管理员看全部），可导出 CSV',
    roles: STAFF,
    input: pageSchema.extend({ gridId: idSchema.optional(), csv: z.boolean().default(false) }),
    output: z.object({
      items: z.array(z.object({ openid: z.string(), name: z.string(), gridId: z.string(), balance: z.number() })),
      hasMore: z.boolean(),
      csv: z.string().optional(),
    }),
  },
  rules: { summary: '积分规则：各服务类别积分、活动签到积分、每日上限、过期规则', roles: ['resident'], input: z.object({}), output: rulesView },
  setRules: {
    summary: '修改积分规则（管理员）',
    roles: ['admin'],
    input: z.object({
      categoryPoints: z.record(z.string().regex(/^[a-z_]{1,40}$/), points(1000)),
      attendancePoints: points(1000),
      dailyCap: points(100000).nullable(),
    }),
    output: rulesView,
  },
  gifts: { summary: '可兑换的礼品', roles: ['resident'], input: z.object({ all: z.boolean().default(false) }), output: z.object({ items: z.array(giftView) }) },
  upsertGift: {
    summary: '新增或修改礼品（管理员）：名称、照片、所需积分、总库存、每人限兑、兑换期',
    roles: ['admin'],
    input: z.object({
      id: idSchema.optional(),
      name: text('礼品名称', 30, { letter: true }),
      photo: z.union([z.literal(''), cloudFileId('gifts', '照片应是已上传的文件')]).default(''),
      price: z.number({ error: '请填写所需积分' }).int().min(1, { error: '所需积分至少为1' }).max(100000),
      totalStock: z.number({ error: '请填写库存' }).int().min(0).max(100000),
      perPersonLimit: z.number().int().min(1).max(100).default(1),
      activeFrom: z.number().int().min(0),
      activeTo: z.number().int().min(0),
    }),
    output: giftView,
    errors: ['STOCK_BELOW_ALLOCATED'],
  },
  redeem: {
    summary: '兑换礼品：扣积分并预留活动现场的一份礼品，得到兑换码和二维码；已兑完或人多时给出明确提示',
    roles: ['resident'],
    input: z.object({ eventId: idSchema, giftId: idSchema, requestId }),
    output: redemptionView.extend({ balance: z.number() }),
    errors: ['SOLD_OUT', 'INSUFFICIENT_POINTS', 'OVER_LIMIT', 'GIFT_INACTIVE', 'NOT_AT_BOOTH', 'CODE_CLASH'],
  },
  myRedemptions: { summary: '我的兑换（兑换码、状态）', roles: ['resident'], input: z.object({}), output: z.object({ items: z.array(redemptionView) }) },
  verify: {
    summary: '现场核销：扫码或输入兑换码，一次调用返回谁、什么礼品、剩余库存；一个码只能用一次',
    roles: STAFF,
    input: z.object({ code: codeInput }),
    output: z.object({ name: z.string(), giftName: z.string(), eventId: z.string(), remaining: z.number(), redeemedAt: z.number() }),
    errors: ['CODE_UNKNOWN', 'CODE_USED', 'CODE_VOID'],
  },
  cancelRedemption: {
    summary: '取消兑换并退回积分和库存（网格员/管理员）',
    roles: STAFF,
    input: z.object({ code: codeInput, reason }),
    output: redemptionView,
    errors: ['CODE_UNKNOWN', 'CODE_USED', 'CODE_VOID'],
  },
  reconcile: {
    summary: '活动兑换对账（账物相符）：分配、核销、预约、退回、应在库，扣/退积分；附 CSV',
    roles: STAFF,
    input: z.object({ eventId: idSchema }),
    output: z.object({ lines: z.array(boothLineView), balanced: z.boolean(), csv: z.string() }),
  },
})

export const POINTS_ERRORS = {
  INSUFFICIENT_POINTS: '积分不够了，先去做做志愿服务吧',
  DAILY_CAP: '今天获得的积分已达上限，明天再来吧',
  INVALID_TRANSFER: '积分数必须是正整数',
  OUT_OF_SCOPE: '这位居民不在您负责的网格里',
  TARGET_NOT_REGISTERED: '这位用户还没有登记个人信息',
  STOCK_BELOW_ALLOCATED: '总库存不能少于已分配到活动的数量',
  SOLD_OUT: '已兑完，看看别的礼品吧',
  OVER_LIMIT: '这件礼品每人限兑的数量已用完',
  GIFT_INACTIVE: '这件礼品现在不在兑换期内',
  NOT_AT_BOOTH: '这个活动现场没有这件礼品',
  CODE_CLASH: '兑换码生成冲突，请再点一次',
  CODE_UNKNOWN: '没有这个兑换码，请核对后重输',
  CODE_USED: '这个兑换码已经核销过了',
  CODE_VOID: '这个兑换码已取消或过期，积分已退回',
} as const
export const pointsError = errorCatalog(POINTS_ERRORS)

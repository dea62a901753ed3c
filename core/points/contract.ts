/**
 * `points` function: the 爱心银行 — balance, statement, staff adjustments, rules, gifts, redemption
 * at event booths and reconciliation.
 */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { STAFF } from '../contract/roles'
import { cloudFileId } from '../contract/files'
import { longText, optionalLongText, text, token } from '../contract/text'
import { pageInput, pageOutput } from '../contract/paging'
import { idSchema, openidSchema } from '../users/schemas'
import { SOURCE_KINDS } from './ledger'

const reason = longText('原因', 100, { min: 2 })
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, { error: '请求编号格式不对' })
const points = (max: number) => z.number({ error: '积分应是数字' }).int({ error: '积分应是整数' }).min(0).max(max)
const codeInput = token('兑换码', 4, 80)
const adjustmentIdSchema = z.string({ error: '请指定调整单' }).regex(/^adj:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{8,40}$/, { error: '调整单编号不对' })

export const sourceView = z.object({ kind: z.enum(SOURCE_KINDS), id: z.string() })
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
  adjustLimit: z.number(),
  adjustDailyLimit: z.number(),
  walkInLimit: z.number(),
  /** Raised adjustment limits saved but not yet in force (they wait a day). */
  pendingLimits: z.object({ adjustLimit: z.number(), adjustDailyLimit: z.number(), effectiveAt: z.number() }).nullable(),
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
export const adjustmentView = z.object({
  id: z.string(),
  requester: z.string(),
  requesterName: z.string(),
  target: z.string(),
  targetName: z.string(),
  delta: z.number(),
  reason: z.string(),
  status: z.enum(['done', 'pending', 'approved', 'rejected', 'expired']),
  /** Why it waits for approval: over the per-adjustment limit or over the requester's day. */
  why: z.enum(['direct', 'over_limit', 'over_daily', 'recent_move']),
  createdAt: z.number(),
  expiresAt: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionNote: z.string().nullable(),
  /** The viewer may approve or reject it now (an admin who is neither the requester nor the person credited). */
  decidable: z.boolean(),
})
export const auditView = z.object({
  id: z.string(),
  at: z.number(),
  /** What was done, in Chinese (from the action's summary). */
  what: z.string(),
  action: z.string(),
  by: z.string(),
  byName: z.string(),
  /** 'ok', or the refusal's code. */
  outcome: z.string(),
  message: z.string().nullable(),
  input: z.record(z.string(), z.unknown()).nullable(),
})
export const attendanceView = z.object({
  signedUp: z.number(),
  attended: z.number(),
  walkIns: z.number(),
  pointsAwarded: z.number(),
  /** Every walk-in, with who added it: the trace of points given to people who did not sign up. */
  walkInList: z.array(z.object({ name: z.string(), by: z.string(), at: z.number().nullable(), awarded: z.number() })),
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
    input: pageInput,
    output: pageOutput(entryView),
  },
  adjust: {
    summary:
      '调整积分（网格员限本网格居民，管理员不限），必须写原因；不能给自己调整。单笔或当天累计超过管理员设的限额时，先不动积分，等另一位管理员审批；每次尝试都记入审计记录',
    roles: STAFF,
    input: z.object({
      openid: openidSchema,
      delta: z.number({ error: '请填写调整的积分' }).int({ error: '积分应是整数' }).min(-10000).max(10000).refine((d) => d !== 0, { error: '调整积分不能为0' }),
      reason,
      requestId,
    }),
    output: z.object({
      status: z.enum(['done', 'pending']),
      adjustmentId: z.string(),
      /** done: the person's balance after it; pending: null. */
      balance: z.number().nullable(),
      transferId: z.string().nullable(),
      why: z.enum(['direct', 'over_limit', 'over_daily', 'recent_move']),
    }),
    errors: ['INSUFFICIENT_POINTS', 'OUT_OF_SCOPE', 'TARGET_NOT_REGISTERED', 'SELF_DEALING'],
    moves: ['points'],
    audit: true,
  },
  adjustments: {
    summary: '积分调整单：管理员看待审批的（或全部），网格员看自己提交的',
    roles: STAFF,
    input: pageInput.extend({ status: z.enum(['pending', 'all'], { error: '请选择' }).default('pending') }),
    output: pageOutput(adjustmentView),
  },
  approveAdjustment: {
    summary: '批准超限的积分调整（管理员，不能是提交人、提交人任命的管理员或被调整的人）：批准后才动积分，只动一次；7天未批自动作废',
    roles: ['admin'],
    input: z.object({ id: adjustmentIdSchema }),
    output: adjustmentView.extend({ balance: z.number() }),
    errors: ['SELF_APPROVAL', 'APPOINTEE_APPROVAL', 'SELF_DEALING', 'ADJUSTMENT_CLOSED', 'ADJUSTMENT_EXPIRED', 'INSUFFICIENT_POINTS'],
    moves: ['points'],
    audit: true,
  },
  rejectAdjustment: {
    summary: '驳回积分调整（管理员，不能是提交人或被调整的人），写明原因；积分不动',
    roles: ['admin'],
    input: z.object({ id: adjustmentIdSchema, note: longText('驳回原因', 100) }),
    output: adjustmentView,
    errors: ['SELF_APPROVAL', 'APPOINTEE_APPROVAL', 'SELF_DEALING', 'ADJUSTMENT_CLOSED', 'ADJUSTMENT_EXPIRED'],
    audit: true,
  },
  auditLog: {
    summary: '审计记录（管理员）：积分、兑换、签到、任命等每一次操作和尝试，谁、何时、做什么、结果，新的在前；可只看某一种操作',
    roles: ['admin'],
    input: pageInput.extend({ action: z.string().regex(/^[a-z]+\.[A-Za-z]+$/, { error: '操作名不对' }).optional() }),
    output: pageOutput(auditView),
  },
  accounts: {
    summary: '居民积分账户（网格员只看自己网格，管理员看全部），可导出 CSV',
    roles: STAFF,
    input: pageInput.extend({ gridId: idSchema.optional(), csv: z.boolean().default(false) }),
    output: pageOutput(z.object({ openid: z.string(), name: z.string(), gridId: z.string(), balance: z.number() })).extend({ csv: z.string().optional() }),
  },
  rules: { summary: '积分规则：各服务类别积分、活动签到积分、每日上限、过期规则', roles: ['resident'], input: z.object({}), output: rulesView },
  setRules: {
    audit: true,
    summary: '修改积分规则（管理员：本社区的；街道管理员 level: street：街道统一的，没有自己规则的社区都用它）：各类别积分、签到积分、每日上限；人工调整的单笔/每人每日限额（超出须另一位管理员审批；调高的限额一天后才生效，调低的马上生效）、每位工作人员每场活动可现场登记的人数',
    roles: ['admin', 'street_admin'],
    input: z.object({
      level: z.enum(['community', 'street']).optional(),
      categoryPoints: z.record(z.string().regex(/^[a-z_]{1,40}$/), points(1000)),
      attendancePoints: points(1000),
      dailyCap: points(100000).nullable(),
      /** Left out: unchanged. */
      adjustLimit: points(10000).optional(),
      adjustDailyLimit: points(100000).optional(),
      walkInLimit: z.number({ error: '请填写数字' }).int({ error: '请填写整数' }).min(0).max(500).optional(),
    }),
    output: rulesView,
  },
  gifts: { summary: '可兑换的礼品', roles: ['resident'], input: z.object({ all: z.boolean().default(false) }), output: z.object({ items: z.array(giftView) }) },
  upsertGift: {
    moves: ['stock'],
    audit: true,
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
    moves: ['points', 'stock'],
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
    errors: ['CODE_UNKNOWN', 'CODE_USED', 'CODE_VOID', 'NOT_YOUR_EVENT', 'SELF_DEALING'],
    moves: ['stock'],
    audit: true,
  },
  cancelRedemption: {
    summary:
      '取消还没领取的兑换，积分和库存退回：居民本人，或管理员（写明原因）。摊位上的网格员不能取消别人的兑换：礼品交出后再取消，就是白送积分',
    roles: ['resident'],
    input: z.object({ code: codeInput, reason: optionalLongText('原因', 100) }),
    output: redemptionView,
    errors: ['CODE_UNKNOWN', 'CODE_USED', 'CODE_VOID', 'CANCEL_NOT_ALLOWED', 'REASON_REQUIRED'],
    moves: ['points', 'stock'],
    audit: true,
  },
  reconcile: {
    summary: '活动对账：兑换（账物相符：分配、核销、预约、退回、应在库，扣/退积分）和签到（报名、到场、现场登记及登记人、签到积分）；各附 CSV',
    roles: STAFF,
    input: z.object({ eventId: idSchema }),
    output: z.object({ lines: z.array(boothLineView), balanced: z.boolean(), csv: z.string(), attendance: attendanceView, attendanceCsv: z.string() }),
    errors: ['NOT_YOUR_EVENT'],
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
  SELF_DEALING: '不能给自己调整积分或核销自己的兑换，请让其他工作人员办理',
  SELF_APPROVAL: '自己提交的调整不能自己批，请另一位管理员审批',
  APPOINTEE_APPROVAL: '您是提交人任命的管理员，这次调整请另一位管理员审批',
  CANCEL_NOT_ALLOWED: '只有兑换的居民本人或管理员可以取消兑换',
  REASON_REQUIRED: '请写明取消的原因',
  ADJUSTMENT_CLOSED: '这张调整单已经处理过了，请刷新后再看',
  ADJUSTMENT_EXPIRED: '这张调整单超过7天没人审批，已作废，如仍需要请重新提交',
} as const
export const pointsError = errorCatalog(POINTS_ERRORS)

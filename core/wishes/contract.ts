/**
 * The `wishes` cloud function (微心愿): staff collect a wish for a beneficiary shown only by an alias,
 * age band and grade; another staff member reviews it; donors claim shares (拼愿) that hold for 7
 * days; the gift or service goes through the community station; the guardian or staff confirm it.
 *
 * Two views on purpose: `wishView` (donors, residents) has no beneficiary field at all — the real
 * person (name, phone, address, guardian) lives in a staff-only reference that only `staffWishView`
 * carries. Points: an item wish never earns any; a service wish's claim, once staff schedule it,
 * becomes a service order at the station and points come only through that order's own loop.
 */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { cloudFileId } from '../contract/files'
import { STAFF } from '../contract/roles'
import { longText, nameSchema, text } from '../contract/text'
import { daySchema } from '../council/decisions'
import { SKILLS } from '../users/vocab'
import { idSchema, phoneSchema } from '../users/schemas'
import { CLAIM_STATUSES, WISH_STATUSES } from './machine'
import { AGE_BANDS, MAX_PRICE_CAP, MAX_SHARES, WISH_KINDS } from './vocab'

const wishId = z.object({ wishId: idSchema })
/** A claim's id: `<wishId>-<donor openid>` (one claim per donor and wish, the idempotency key). */
export const claimIdSchema = z.string({ error: '请指定认领' }).regex(/^[A-Za-z0-9_-]{1,140}$/, { error: '认领编号不对' })

export const giftPhoto = cloudFileId('wishes', '请上传礼物的照片')

/** Who the beneficiary really is: staff only, never in a donor's view. */
export const beneficiaryRef = z.object({
  name: nameSchema,
  phone: phoneSchema.optional(),
  address: text('住址', 60),
  guardian: z.object({ name: nameSchema, phone: phoneSchema, relation: text('与孩子的关系', 10) }),
})

export const wishInput = z
  .object({
    /** Editing one's own draft (else a new one). */
    wishId: idSchema.optional(),
    kind: z.enum(WISH_KINDS, { error: '请选择是物品还是服务' }),
    title: text('心愿', 30, { letter: true }),
    detail: longText('说明', 300),
    /** An item's price cap, 元. */
    priceCap: z.number({ error: '请填写价格上限' }).int({ error: '价格要是整数' }).min(1, { error: '价格至少1元' }).max(MAX_PRICE_CAP, { error: `物品价格不超过${MAX_PRICE_CAP}元` }).optional(),
    /** A service's kind (the service order's category). */
    category: z.enum(SKILLS, { error: '请选择服务类别' }).optional(),
    occasion: text('节日', 10),
    targetDate: daySchema,
    gridId: idSchema,
    shares: z.number({ error: '请填写份数' }).int().min(1, { error: '至少1份' }).max(MAX_SHARES, { error: `最多${MAX_SHARES}份` }),
    alias: text('化名', 10, { letter: true }),
    ageBand: z.enum(AGE_BANDS, { error: '请选择年龄段' }),
    grade: text('年级', 10),
    /** Where the gift is handed over: the community station, never the child's home. */
    station: text('交接地点', 30),
    ref: beneficiaryRef,
  })
  .refine((w) => (w.kind === 'item' ? w.priceCap !== undefined : w.category !== undefined), { error: '物品要填价格上限，服务要选服务类别', path: ['kind'] })

const myClaim = z.object({ claimId: z.string(), shares: z.number(), status: z.enum(CLAIM_STATUSES), expiresAt: z.number() })

/** What donors and residents see: no name, phone, address, guardian or face of the beneficiary. */
export const wishView = z.object({
  _id: z.string(),
  kind: z.enum(WISH_KINDS),
  title: z.string(),
  detail: z.string(),
  priceCap: z.number().nullable(),
  category: z.enum(SKILLS).nullable(),
  occasion: z.string(),
  targetDate: z.string(),
  gridId: z.string(),
  alias: z.string(),
  ageBand: z.enum(AGE_BANDS),
  grade: z.string(),
  station: z.string(),
  status: z.enum(WISH_STATUSES),
  shares: z.number(),
  sharesLeft: z.number(),
  publishedAt: z.number().nullable(),
  /** Photos of the gift (of the child only with the guardian's recorded consent); shown to the wish's donors and staff. */
  photos: z.array(z.string()),
  thanks: z.string().nullable(),
  /** The caller's own claim on it. */
  mine: myClaim.nullable(),
})
export type WishView = z.infer<typeof wishView>

export const claimView = z.object({
  claimId: z.string(),
  donorName: z.string(),
  shares: z.number(),
  status: z.enum(CLAIM_STATUSES),
  claimedAt: z.number(),
  expiresAt: z.number(),
  /** A service wish's claim scheduled by staff: its service order. */
  orderId: z.string().nullable(),
})

export const staffWishView = wishView.extend({
  ref: beneficiaryRef.extend({ phone: z.string().nullable() }),
  /** The guardian's consent to show the child in photos: who recorded it, when. */
  consent: z.object({ guardianName: z.string(), by: z.string(), at: z.number() }).nullable(),
  childInPhoto: z.boolean(),
  authorId: z.string(),
  reviewerId: z.string().nullable(),
  reason: z.string().nullable(),
  fulfilledBy: z.enum(['guardian', 'staff']).nullable(),
  claims: z.array(claimView),
  timeline: z.array(z.object({ at: z.number(), by: z.string(), event: z.string(), note: z.string().nullable() })),
})
export type StaffWishView = z.infer<typeof staffWishView>

const rateView = z.object({ value: z.number().nullable(), num: z.number(), den: z.number() })

export const wishesFn = defineFunction('wishes', {
  saveDraft: {
    summary: '工作人员录入一个微心愿草稿（常由学校或楼栋长收集）：物品（有价格上限，如≤100元）或服务（探访、辅导），目标日子（六一、春节），网格，份数（拼愿）；孩子只以化名、年龄段、年级示人，真实姓名、电话、住址和监护人只有工作人员能看',
    roles: STAFF,
    input: wishInput,
    output: staffWishView,
    errors: ['GRID_UNKNOWN', 'NOT_YOUR_GRID', 'WISH_UNKNOWN', 'WISH_STATE', 'NOT_AUTHOR'],
  },
  submit: {
    summary: '录入人把草稿送审（由另一位工作人员审核）',
    roles: STAFF,
    input: wishId,
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'WISH_STATE', 'NOT_YOUR_GRID', 'NOT_AUTHOR'],
  },
  review: {
    summary: '另一位工作人员审核：通过即公开认领，不通过要写理由；录入人不能审核自己录的心愿',
    roles: STAFF,
    input: wishId.extend({ approve: z.boolean({ error: '请选择通过或不通过' }), reason: text('理由', 100).optional() }),
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'WISH_STATE', 'NOT_YOUR_GRID', 'OWN_WISH', 'REASON_MISSING'],
  },
  withdraw: {
    summary: '工作人员撤下草稿、审核中或还没被认满的心愿（写理由）；已有的认领随之取消',
    roles: STAFF,
    input: wishId.extend({ reason: text('理由', 100) }),
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'WISH_STATE', 'NOT_YOUR_GRID'],
  },
  list: {
    summary: '本社区可以认领的微心愿（只有化名、年龄段、年级，没有孩子的真实信息）',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ items: z.array(wishView) }),
  },
  wish: {
    summary: '一个已公开的微心愿（捐赠人看到的样子：没有孩子的真实信息）和自己的认领',
    roles: ['resident'],
    input: wishId,
    output: wishView,
    errors: ['WISH_UNKNOWN'],
  },
  claim: {
    summary: '认领一个微心愿的几份（拼愿）：保留7天，到期没送到社区服务站就自动释放；每人同时最多3个未完成的认领；同一心愿再点一次不会重复认领',
    roles: ['resident'],
    input: wishId.extend({ shares: z.number({ error: '请填写份数' }).int().min(1, { error: '至少1份' }).max(MAX_SHARES, { error: `最多${MAX_SHARES}份` }).default(1) }),
    output: wishView,
    errors: ['WISH_UNKNOWN', 'WISH_NOT_OPEN', 'NO_SHARES_LEFT', 'TOO_MANY_CLAIMS', 'ALREADY_CLAIMED', 'OWN_WISH', 'HOLD_USED'],
  },
  cancelClaim: {
    summary: '捐赠人取消自己还在保留中的认领（份数退回给别人认领）',
    roles: ['resident'],
    input: wishId,
    output: wishView,
    errors: ['WISH_UNKNOWN', 'CLAIM_UNKNOWN', 'CLAIM_STATE'],
  },
  myClaims: {
    summary: '我认领的微心愿（最新的在前）',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ items: z.array(wishView) }),
  },
  receive: {
    summary: '工作人员在社区服务站收下一位捐赠人的礼物（服务心愿：排定服务，在服务站生成一张服务单，捐赠人是志愿者就由他来服务，积分只按服务单的流程给；物品心愿没有积分）；全部份数都收到后心愿变为"已收到"',
    roles: STAFF,
    input: z.object({ claimId: claimIdSchema }),
    output: staffWishView,
    errors: ['CLAIM_UNKNOWN', 'CLAIM_STATE', 'NOT_YOUR_GRID', 'OWN_CLAIM'],
    moves: ['points'],
  },
  recordConsent: {
    summary: '记下监护人同意照片里出现孩子（谁记的、什么时候）；没有同意，照片只拍礼物',
    roles: STAFF,
    input: wishId.extend({ guardianName: nameSchema }),
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'NOT_YOUR_GRID'],
  },
  deliver: {
    summary: '工作人员把礼物（或服务）送到孩子手里，附礼物照片；照片里有孩子的，要先记下监护人同意',
    roles: STAFF,
    input: wishId.extend({ photos: z.array(giftPhoto).max(6, { error: '最多6张照片' }).default([]), childInPhoto: z.boolean().default(false) }),
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'WISH_STATE', 'NOT_YOUR_GRID', 'CONSENT_MISSING'],
  },
  fulfil: {
    summary: '确认心愿已实现：监护人确认（工作人员代为记录）或工作人员确认',
    roles: STAFF,
    input: wishId.extend({ byGuardian: z.boolean({ error: '请选择是监护人确认还是工作人员确认' }) }),
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'WISH_STATE', 'NOT_YOUR_GRID'],
  },
  thank: {
    summary: '给捐赠人的感谢（孩子或监护人的话，由工作人员转达，不含孩子的真实信息）',
    roles: STAFF,
    input: wishId.extend({ message: longText('感谢的话', 200) }),
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'WISH_STATE', 'NOT_YOUR_GRID'],
  },
  staffList: {
    summary: '工作人员的微心愿列表（网格员看自己网格的，管理员看全社区），含孩子的真实信息和认领情况',
    roles: STAFF,
    input: z.object({ status: z.enum(WISH_STATUSES).optional() }),
    output: z.object({ items: z.array(staffWishView) }),
  },
  staffWish: {
    summary: '工作人员看一个微心愿的全部：孩子的真实信息、认领、经过',
    roles: STAFF,
    input: wishId,
    output: staffWishView,
    errors: ['WISH_UNKNOWN', 'NOT_YOUR_GRID'],
  },
  metrics: {
    summary: '微心愿的数字（网格员看自己网格的，管理员看全社区）：7天认领率、实现率、公开到实现的天数中位数、受助孩子数、重复捐赠人数',
    roles: STAFF,
    input: z.object({}),
    output: z.object({
      published: z.number(),
      claimedIn7Days: rateView,
      fulfilled: rateView,
      medianDaysToFulfil: z.number().nullable(),
      beneficiaries: z.number(),
      repeatDonors: z.number(),
    }),
  },
})

export const WISHES_ERRORS = {
  GRID_UNKNOWN: '本社区没有这个网格',
  NOT_YOUR_GRID: '这是别的网格的心愿，请找那个网格的网格员',
  WISH_UNKNOWN: '没有找到这个心愿',
  WISH_STATE: '这个心愿现在不能这样办',
  NOT_AUTHOR: '只有录入这个心愿的工作人员能改或送审',
  OWN_WISH: '自己录入或审核的心愿，要请另一位工作人员审核，自己也不认领',
  REASON_MISSING: '不通过要写理由',
  WISH_NOT_OPEN: '这个心愿现在不能认领',
  NO_SHARES_LEFT: '剩下的份数不够了，看看别的心愿吧',
  TOO_MANY_CLAIMS: '您同时最多认领3个心愿，送到一个再认领新的吧',
  ALREADY_CLAIMED: '您已经认领过这个心愿了',
  HOLD_USED: '您认领过这个心愿，保留的7天已经过了，请留给别的邻居吧',
  CLAIM_UNKNOWN: '没有找到这个认领',
  CLAIM_STATE: '这个认领现在不能这样办',
  OWN_CLAIM: '自己认领的心愿要请另一位工作人员收下',
  CONSENT_MISSING: '照片里有孩子的，要先记下监护人的同意',
} as const
export const wishesError = errorCatalog(WISHES_ERRORS)

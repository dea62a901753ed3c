/** 微心愿 vocabularies (no zod, so pages import them without the schemas). */
import { keysOf } from '../contract/vocab'
import type { ClaimStatus, WishStatus } from './machine'

export const WISH_KIND_LABELS = { item: '物品', service: '服务' }
export const WISH_KINDS = keysOf(WISH_KIND_LABELS)
export type WishKind = (typeof WISH_KINDS)[number]

/** Age bands shown instead of an age (with the alias and the grade, all a donor learns of the child). */
export const AGE_BAND_LABELS = { '0-3': '0-3岁', '4-6': '4-6岁', '7-9': '7-9岁', '10-12': '10-12岁', '13-15': '13-15岁', '16-18': '16-18岁' }
export const AGE_BANDS = keysOf(AGE_BAND_LABELS)
export type AgeBand = (typeof AGE_BANDS)[number]

/** A small wish: an item costs at most this many 元. */
export const MAX_PRICE_CAP = 100
/** 拼愿: a wish shared by at most this many shares. */
export const MAX_SHARES = 10

/** Each status as the pages say it. */
export const WISH_STATUS_LABELS = {
  draft: '草稿',
  review: '待审核',
  published: '可认领',
  claimed: '已认满',
  received: '礼物已到服务站',
  delivered: '已送到孩子手里',
  fulfilled: '心愿已实现',
  thanked: '已致谢',
  withdrawn: '已撤下',
  rejected: '未通过',
} as const satisfies Record<WishStatus, string>
export const CLAIM_STATUS_LABELS = { held: '保留中', received: '已收到', expired: '已过期释放', cancelled: '已取消' } as const satisfies Record<ClaimStatus, string>

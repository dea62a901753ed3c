/**
 * Reconciliation per event booth (账物相符): stock allocated, redeemed, reserved, returned and on
 * hand; points debited and refunded. Goods and points must agree:
 *   allocated = free + reserved + redeemed           (every unit is somewhere)
 *   on hand   = allocated − redeemed                 (what should still be on the table)
 *   debited − refunded = price × (reserved + redeemed)
 */
import { toCsv } from '../csv'
import type { RedemptionDoc, SlotDoc } from './model'

export interface BoothLine {
  giftId: string
  giftName: string
  price: number
  allocated: number
  free: number
  reserved: number
  redeemed: number
  /** Redemptions expired or cancelled (their unit went back to the booth). */
  returned: number
  onHand: number
  pointsDebited: number
  pointsRefunded: number
  balanced: boolean
}

export function reconcileBooth(
  gift: { giftId: string; giftName: string; price: number },
  slots: readonly Pick<SlotDoc, 'state'>[],
  redemptions: readonly Pick<RedemptionDoc, 'status' | 'price'>[],
): BoothLine {
  const count = (s: string) => slots.filter((x) => x.state === s).length
  const allocated = slots.length
  // units closed with a cancelled event were never handed out: they count as free
  const [free, reserved, redeemed] = [count('free') + count('returned'), count('reserved'), count('redeemed')]
  const returnedR = redemptions.filter((r) => r.status === 'expired' || r.status === 'cancelled')
  const pointsDebited = redemptions.reduce((a, r) => a + r.price, 0)
  const pointsRefunded = returnedR.reduce((a, r) => a + r.price, 0)
  const live = redemptions.filter((r) => r.status === 'reserved' || r.status === 'redeemed')
  const liveReserved = live.filter((r) => r.status === 'reserved').length
  const balanced =
    allocated === free + reserved + redeemed &&
    liveReserved === reserved &&
    live.length - liveReserved === redeemed &&
    pointsDebited - pointsRefunded === live.reduce((a, r) => a + r.price, 0)
  return {
    ...gift,
    allocated,
    free,
    reserved,
    redeemed,
    returned: returnedR.length,
    onHand: allocated - redeemed,
    pointsDebited,
    pointsRefunded,
    balanced,
  }
}

const CSV_HEAD = ['礼品', '单价(积分)', '分配', '已核销', '已预约未领', '退回', '应在库', '扣积分', '退积分', '账物相符']

export function reconcileCsv(lines: readonly BoothLine[]): string {
  return toCsv(
    CSV_HEAD,
    lines.map((l) => [l.giftName, l.price, l.allocated, l.redeemed, l.reserved, l.returned, l.onHand, l.pointsDebited, l.pointsRefunded, l.balanced]),
  )
}

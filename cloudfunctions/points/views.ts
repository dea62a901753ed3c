import { formatCode, qrPayload, type GiftDoc, type RedemptionDoc } from '../../core/gifts'

export const giftView = (g: GiftDoc) => ({
  id: g._id,
  name: g.name,
  photo: g.photo,
  price: g.price,
  totalStock: g.totalStock,
  allocated: g.allocated,
  perPersonLimit: g.perPersonLimit,
  activeFrom: g.activeFrom,
  activeTo: g.activeTo,
})

export const redemptionView = (r: RedemptionDoc) => ({
  code: r.code,
  display: formatCode(r.code),
  qr: qrPayload(r.code),
  eventId: r.eventId,
  giftId: r.giftId,
  giftName: r.giftName,
  price: r.price,
  status: r.status,
  createdAt: r.createdAt,
})

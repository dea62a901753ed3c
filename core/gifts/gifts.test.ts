import { CODE_ALPHABET, codeFor, formatCode, normalizeCode, qrPayload } from './code'
import { canCancelRedemption, canRedeem, type GiftDoc } from './model'
import { reconcileBooth, reconcileCsv } from './reconcile'

describe('redemption codes', () => {
  it('are 8 unambiguous characters, stable per request, and typable in any form', () => {
    const c = codeFor('u1', 'req-12345678')
    expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
    expect(codeFor('u1', 'req-12345678')).toBe(c)
    expect(codeFor('u2', 'req-12345678')).not.toBe(c)
    expect(normalizeCode(formatCode(c).toLowerCase())).toBe(c)
    expect(normalizeCode(` ${qrPayload(c)} `)).toBe(c)
    expect(normalizeCode('ABCD-EFG0')).toBeNull()
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/)
  })
  it('rarely collide', () => {
    const seen = new Set(Array.from({ length: 20000 }, (_, i) => codeFor(`u${i % 300}`, `r${i}`)))
    expect(seen.size).toBeGreaterThan(19990)
  })
})

describe('redeem rules', () => {
  const g: GiftDoc = { _id: 'g', communityId: 'c', name: '大米', photo: '', price: 50, totalStock: 10, allocated: 10, perPersonLimit: 1, activeFrom: 100, activeTo: 200, createdAt: 0, updatedAt: 0 }
  it('checks the window and the per-person limit', () => {
    expect(canRedeem(g, 0, 150)).toBeNull()
    expect(canRedeem(g, 0, 99)).toBe('GIFT_INACTIVE')
    expect(canRedeem(g, 1, 150)).toBe('OVER_LIMIT')
  })
  it('a reservation is cancelled by its resident, or by an admin with a reason; booth staff may not', () => {
    const r = { openid: 'res', communityId: 'c1' }
    expect(canCancelRedemption({ openid: 'res', roles: ['resident'], communityId: 'c2' }, r)).toEqual({ ok: true })
    expect(canCancelRedemption({ openid: 'st', roles: ['resident', 'staff'], communityId: 'c1' }, r, '送错了')).toEqual({ ok: false, code: 'CANCEL_NOT_ALLOWED' })
    expect(canCancelRedemption({ openid: 'adm', roles: ['resident', 'admin'], communityId: 'c1' }, r)).toEqual({ ok: false, code: 'REASON_REQUIRED' })
    expect(canCancelRedemption({ openid: 'adm', roles: ['resident', 'admin'], communityId: 'c1' }, r, '送错了')).toEqual({ ok: true })
  })
  it('an admin only at the booths of the community acted in; the resident wherever they act', () => {
    const r = { openid: 'res', communityId: 'c1' }
    expect(canCancelRedemption({ openid: 'adm', roles: ['resident', 'admin'], communityId: 'c2' }, r, '送错了')).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
  })
})

describe('reconciliation', () => {
  const gift = { giftId: 'g', giftName: '毛巾', price: 20 }
  it('balances goods and points', () => {
    const slots = [{ state: 'redeemed' }, { state: 'reserved' }, { state: 'free' }, { state: 'free' }] as const
    const reds = [
      { status: 'redeemed', price: 20 },
      { status: 'reserved', price: 20 },
      { status: 'expired', price: 20 },
    ] as const
    const line = reconcileBooth(gift, slots, reds)
    expect(line).toMatchObject({ allocated: 4, redeemed: 1, reserved: 1, free: 2, returned: 1, onHand: 3, pointsDebited: 60, pointsRefunded: 20, balanced: true })
    expect(reconcileCsv([line])).toBe('\ufeff礼品,单价(积分),分配,已核销,已预约未领,退回,应在库,扣积分,退积分,账物相符\r\n毛巾,20,4,1,1,1,3,60,20,是\r\n')
  })
  it('flags a unit that went missing', () => {
    const line = reconcileBooth(gift, [{ state: 'free' }], [{ status: 'redeemed', price: 20 }])
    expect(line.balanced).toBe(false)
  })
})

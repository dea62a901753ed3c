import { chinaDay } from '../china-time'
import { lotExpiresAt, personAccountId, POOL_SHARDS, shardOf, spendableBalance } from './accounts'
import { checkLedger } from './invariants'
import { planTransfer } from './ledger'
import { MemoryLedger } from './memory-ledger'
import { adjustTransfer, awardTransfer, expiredLots, expiringSoon, expiryTransfer, redeemTransfer, refundTransfer } from './transfers'

const C = 'c1'
const at = Date.UTC(2025, 5, 1, 4) // 2025-06-01 12:00 CST
const award = (openid: string, amount: number, id: string, when = at) =>
  awardTransfer({ communityId: C, openid, amount, at: when, source: { kind: 'order', id }, reason: '服务完成' })
const ok = (l: MemoryLedger) => expect(checkLedger([...l.accounts.values()], [...l.transfers.values()])).toEqual([])

describe('ledger', () => {
  it('moves points from the pool to a person with two movements that sum to zero', () => {
    const l = new MemoryLedger()
    const r = l.apply(award('u1', 30, 'o1'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.transfer._id).toBe('award:order:o1')
    expect(r.transfer.movements.map((m) => m.amount)).toEqual([-30, 30])
    expect(r.transfer.movements[1].lots).toEqual({ 2025: 30 })
    expect(l.balance(personAccountId('u1'))).toBe(30)
    ok(l)
  })

  it('a retried award with the same key credits once', () => {
    const l = new MemoryLedger()
    l.apply(award('u1', 30, 'o1'))
    const again = l.apply(award('u1', 30, 'o1'))
    expect(again).toMatchObject({ ok: true, replay: true })
    expect(l.balance(personAccountId('u1'))).toBe(30)
    expect(l.transfers.size).toBe(1)
  })

  it('refuses zero, negative, fractional amounts and same-side transfers', () => {
    for (const amount of [0, -5, 1.5, Number.NaN]) expect(planTransfer(award('u1', amount, 'x'), null, null).ok).toBe(false)
    const bad = { ...award('u1', 5, 'x'), from: { kind: 'person' as const, openid: 'u2' } }
    expect(planTransfer(bad, null, null)).toMatchObject({ ok: false, code: 'INVALID_TRANSFER' })
  })

  it('never lets a person go below zero', () => {
    const l = new MemoryLedger()
    l.apply(award('u1', 10, 'o1'))
    const r = l.apply(redeemTransfer({ communityId: C, openid: 'u1', amount: 11, at, redemptionId: 'r1', reason: '兑换' }))
    expect(r).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' })
    expect(l.balance(personAccountId('u1'))).toBe(10)
  })

  it('cuts awards at the daily cap and refuses once it is reached; the next day is fresh', () => {
    const l = new MemoryLedger({ dailyCap: 50 })
    l.apply(award('u1', 40, 'o1'))
    const cut = l.apply(award('u1', 40, 'o2'))
    expect(cut).toMatchObject({ ok: true, transfer: { amount: 10, requested: 40 } })
    expect(l.apply(award('u1', 5, 'o3'))).toMatchObject({ ok: false, code: 'DAILY_CAP' })
    const tomorrow = at + 24 * 3600 * 1000
    expect(chinaDay(tomorrow)).toBe('2025-06-02')
    expect(l.apply(award('u1', 5, 'o4', tomorrow)).ok).toBe(true)
    const adj = adjustTransfer({ communityId: C, openid: 'u1', delta: 100, adjustmentId: 'a1', reason: '补录', at: tomorrow })
    expect(l.apply(adj).ok).toBe(true) // adjustments are not capped
    ok(l)
  })

  it('the daily cap turns over at 00:00 Beijing (16:00 UTC), not at UTC or local midnight', () => {
    const l = new MemoryLedger({ dailyCap: 50 })
    const lastMinute = Date.UTC(2025, 5, 1, 15, 59) // 23:59 on 1 June in Beijing
    l.apply(award('u1', 50, 'o1', Date.UTC(2025, 5, 1, 0, 0))) // 08:00 on 1 June in Beijing
    expect(l.apply(award('u1', 5, 'o2', lastMinute))).toMatchObject({ ok: false, code: 'DAILY_CAP' })
    expect(l.apply(award('u1', 5, 'o3', lastMinute + 60_000))).toMatchObject({ ok: true, transfer: { amount: 5 } }) // 00:00 on 2 June
    ok(l)
  })

  it('a point earned at 00:30 on 1 January in Beijing (16:30 UTC on 31 December) belongs to the new year', () => {
    const l = new MemoryLedger({ dailyCap: null })
    const r = l.apply(award('u1', 10, 'o1', Date.UTC(2024, 11, 31, 16, 30)))
    expect(r.ok && r.transfer.movements[1].lots).toEqual({ 2025: 10 })
    expect(l.apply(award('u1', 10, 'o2', Date.UTC(2024, 11, 31, 15, 59))).ok && l.accounts.get(personAccountId('u1'))!.lots).toEqual({ 2024: 10, 2025: 10 })
  })

  it('spends the oldest lot first and a refund restores exactly those lots', () => {
    const l = new MemoryLedger({ dailyCap: null })
    l.apply(award('u1', 20, 'o1', Date.UTC(2024, 3, 1)))
    l.apply(award('u1', 30, 'o2'))
    const r = l.apply(redeemTransfer({ communityId: C, openid: 'u1', amount: 25, at, redemptionId: 'r1', reason: '兑换大米' }))
    if (!r.ok) throw new Error('redeem failed')
    expect(r.transfer.movements[0].lots).toEqual({ 2024: -20, 2025: -5 })
    expect(l.accounts.get(personAccountId('u1'))!.lots).toEqual({ 2025: 25 })
    const lots = { 2024: 20, 2025: 5 }
    l.apply(refundTransfer({ communityId: C, openid: 'u1', amount: 25, at, redemptionId: 'r1', reason: '退回', lots }))
    expect(l.accounts.get(personAccountId('u1'))!.lots).toEqual({ 2024: 20, 2025: 30 })
    ok(l)
  })

  it('expires points on 31 December of the year after they were earned', () => {
    expect(new Date(lotExpiresAt(2024)).toISOString()).toBe('2025-12-31T16:00:00.000Z') // 2026-01-01 00:00 CST
    const l = new MemoryLedger()
    l.apply(award('u1', 20, 'o1', Date.UTC(2024, 3, 1)))
    const acc = () => l.accounts.get(personAccountId('u1'))!
    expect(expiringSoon(acc(), at)).toEqual({ amount: 20, expiresAt: lotExpiresAt(2024) })
    expect(expiredLots(acc(), lotExpiresAt(2024) - 1)).toEqual([])
    const now = lotExpiresAt(2024)
    const [lot] = expiredLots(acc(), now)
    expect(lot).toEqual({ year: 2024, amount: 20 })
    expect(l.apply(expiryTransfer({ communityId: C, openid: 'u1', amount: 20, year: 2024, at: now })).ok).toBe(true)
    expect(acc().balance).toBe(0)
    // a refund into the expired lot goes to the current year instead, so it is not lost twice
    const late = refundTransfer({ communityId: C, openid: 'u1', amount: 5, at: now, redemptionId: 'rx', reason: '退回', lots: { 2024: 5 } })
    l.apply(late)
    expect(acc().lots).toEqual({ 2026: 5 })
    ok(l)
  })

  it('an expired lot is never spent, even before the expiry timer has moved it', () => {
    const l = new MemoryLedger({ dailyCap: null })
    l.apply(award('u1', 20, 'o1', Date.UTC(2023, 3, 1))) // expires 2025-01-01 00:00 CST
    l.apply(award('u1', 5, 'o2', Date.UTC(2024, 3, 1)))
    const jan3 = Date.UTC(2025, 0, 3)
    expect(spendableBalance(l.accounts.get(personAccountId('u1')), jan3)).toBe(5)
    const spend = (amount: number, id: string) => redeemTransfer({ communityId: C, openid: 'u1', amount, at: jan3, redemptionId: id, reason: '兑换' })
    expect(l.apply(spend(10, 'r1'))).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' })
    const r = l.apply(spend(5, 'r2'))
    expect(r.ok && r.transfer.movements[0].lots).toEqual({ 2024: -5 })
    // the timer later records what the rule already implied
    expect(l.apply(expiryTransfer({ communityId: C, openid: 'u1', amount: 20, year: 2023, at: jan3 })).ok).toBe(true)
    expect(l.accounts.get(personAccountId('u1'))!.balance).toBe(0)
    ok(l)
  })

  it('spreads pool traffic over the shards', () => {
    const seen = new Set(Array.from({ length: 3000 }, (_, i) => shardOf(`award:order:${i}`)))
    expect(seen.size).toBe(POOL_SHARDS)
  })
})

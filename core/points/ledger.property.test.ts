/**
 * Thousands of random operation sequences — award, redeem, cancel (refund), expire, adjust and
 * retried calls — keep the double-entry invariant and never take a person below zero.
 */
import fc from 'fast-check'
import { personAccountId } from './accounts'
import { checkLedger } from './invariants'
import type { Transfer } from './ledger'
import { MemoryLedger } from './memory-ledger'
import { adjustTransfer, awardTransfer, expiredLots, expiryTransfer, redeemTransfer, refundTransfer } from './transfers'

const C = 'c1'
const people = ['u1', 'u2', 'u3']
const person = fc.constantFrom(...people)
const op = fc.oneof(
  fc.record({ t: fc.constant('award' as const), who: person, amount: fc.integer({ min: 1, max: 120 }), key: fc.nat(30) }),
  fc.record({ t: fc.constant('redeem' as const), who: person, amount: fc.integer({ min: 1, max: 80 }), key: fc.nat(30) }),
  fc.record({ t: fc.constant('cancel' as const), key: fc.nat(30) }),
  fc.record({ t: fc.constant('adjust' as const), who: person, delta: fc.integer({ min: -60, max: 60 }).filter((d) => d !== 0), key: fc.nat(30) }),
  fc.record({ t: fc.constant('expire' as const) }),
  fc.record({ t: fc.constant('tick' as const), days: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ t: fc.constant('retry' as const), back: fc.nat(20) }),
)

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

function run(ops: Op[], cap: number | null): void {
  const l = new MemoryLedger({ dailyCap: cap })
  let now = Date.UTC(2024, 0, 1)
  const done: Parameters<MemoryLedger['apply']>[0][] = []
  const redeemed = new Map<string, Transfer>()
  const apply = (req: Parameters<MemoryLedger['apply']>[0]) => {
    const before = JSON.stringify([...l.accounts.entries()])
    const r = l.apply(req)
    if (r.ok && 'replay' in r) expect(JSON.stringify([...l.accounts.entries()])).toBe(before)
    if (r.ok) done.push(req)
    return r
  }
  for (const o of ops) {
    if (o.t === 'tick') now += o.days * 86400e3
    else if (o.t === 'award')
      apply(awardTransfer({ communityId: C, openid: o.who, amount: o.amount, at: now, source: { kind: 'order', id: `o${o.key}` }, reason: '服务' }))
    else if (o.t === 'redeem') {
      const r = apply(redeemTransfer({ communityId: C, openid: o.who, amount: o.amount, at: now, redemptionId: `r${o.key}`, reason: '兑换' }))
      if (r.ok) redeemed.set(`r${o.key}`, r.transfer)
    } else if (o.t === 'cancel') {
      const t = redeemed.get(`r${o.key}`)
      if (!t) continue
      const lots = Object.fromEntries(Object.entries(t.movements[0].lots ?? {}).map(([y, n]) => [y, -n]))
      const openid = t.from.slice('person:'.length)
      apply(refundTransfer({ communityId: C, openid, amount: t.amount, at: now, redemptionId: `r${o.key}`, reason: '退回', lots }))
    } else if (o.t === 'adjust')
      apply(adjustTransfer({ communityId: C, openid: o.who, delta: o.delta, adjustmentId: `a${o.key}`, reason: '调整', at: now }))
    else if (o.t === 'expire') {
      for (const who of people) {
        const acc = l.accounts.get(personAccountId(who))
        for (const lot of acc ? expiredLots(acc, now) : [])
          expect(apply(expiryTransfer({ communityId: C, openid: who, amount: lot.amount, year: lot.year, at: now })).ok).toBe(true)
      }
    } else if (o.t === 'retry' && done.length) apply(done[Math.max(0, done.length - 1 - o.back)])
    expect(checkLedger([...l.accounts.values()], [...l.transfers.values()])).toEqual([])
  }
  for (const who of people) expect(l.balance(personAccountId(who))).toBeGreaterThanOrEqual(0)
}

describe('ledger properties', () => {
  it('random sequences keep Σ movements = balances, lots = balance, nothing negative (with a daily cap)', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => run(ops, 100)), { numRuns: 2000 })
  })
  it('the same without a cap', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => run(ops, null)), { numRuns: 1000 })
  })
})

/**
 * The ledger checker over everything the integration run wrote so far (and a tampered copy):
 * movements sum to balances, nothing negative. Also runs `npm run check:ledger` as a process.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { accountDocId, awardTransfer, personAccountId, refundTransfer, type AccountState } from '../../core/points'
import { checkLedgerIn } from '../../scripts/check-ledger'
import { tx } from '../../server/db'
import { ACCOUNTS, applyTransfer } from '../../server/ledger'
import { DEMO_COMMUNITY } from '../../core/demo/community'
import { sdkDb, testCloud } from '../support/call'
import { makeUsers } from './orders-support'
import { credit, quietCheck } from './points-support'


test('the checker passes on real data and catches a balance that does not match its movements', async () => {
  const [u] = await makeUsers(1, { prefix: 'chk' })
  await credit([u], 9)
  const ok = await quietCheck()
  expect(ok.transfers).toBeGreaterThan(0)
  expect(ok.violations).toEqual([])
  const run = await promisify(execFile)('npx', ['tsx', 'scripts/check-ledger.ts'], { env: { ...process.env, LINLI_CLOUD_URL: testCloud().url } })
  expect(run.stdout).toContain('ledger OK')

  await sdkDb().collection(ACCOUNTS).doc(personAccountId(u)).update({ data: { balance: -1 } })
  const bad = await checkLedgerIn(sdkDb())
  expect(bad.violations.map((v) => v.problem)).toEqual(expect.arrayContaining(['balance -1 ≠ Σ movements 9', 'negative balance -1']))
  await sdkDb().collection(ACCOUNTS).doc(personAccountId(u)).update({ data: { balance: 9 } })
  expect((await quietCheck()).violations).toEqual([])
})

test('guarded transfers are create-only: the same key applied twice at once credits once (the loser is a conflict → BUSY)', async () => {
  const [u] = await makeUsers(1, { prefix: 'grd' })
  const req = awardTransfer({ communityId: DEMO_COMMUNITY.id, openid: u, amount: 7, at: Date.now(), source: { kind: 'event', id: `grd-${u}` }, reason: '测试' })
  const runs = await Promise.allSettled([1, 2, 3].map(() => tx(sdkDb(), (t) => applyTransfer(t, req, undefined, { guarded: true }))))
  expect(runs.filter((r) => r.status === 'fulfilled' && r.value.ok)).toHaveLength(1)
  for (const r of runs) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('BUSY')
  const again = await tx(sdkDb(), (t) => applyTransfer(t, req)) // unguarded: reads the transfer → a replay
  expect(again).toMatchObject({ ok: true, replay: true })
  expect((await sdkDb().collection(ACCOUNTS).doc(personAccountId(u)).get()).data.balance).toBe(7)
})

test('community shards move by _.inc without a read and may go negative; the checker accepts that', async () => {
  const [u] = await makeUsers(1, { prefix: 'shd' })
  // a refund with no debit before it: the redemption account (the sink) pays it from one of its shards
  const req = refundTransfer({ communityId: DEMO_COMMUNITY.id, openid: u, amount: 3, at: Date.now(), redemptionId: `shd-${u}`, reason: '测试退回' })
  const shard = accountDocId(req.from, req.communityId, req.id)
  const before = ((await sdkDb().collection(ACCOUNTS).doc(shard).get()).data as AccountState | null)?.balance ?? 0
  expect(await tx(sdkDb(), (t) => applyTransfer(t, req, undefined, { guarded: true }))).toMatchObject({ ok: true, replay: false, person: { balance: 3 } })
  expect((await sdkDb().collection(ACCOUNTS).doc(shard).get()).data.balance).toBe(before - 3)
  expect((await quietCheck()).violations).toEqual([])
})

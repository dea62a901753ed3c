/**
 * Fuzz every action registered in core/registry.ts through the dev entry of a private local cloud:
 * garbage payloads → a structured INVALID_INPUT and no write at all (the database's commit sequence
 * does not move); schema-shaped random payloads → a structured result, never INTERNAL or a crash.
 * Reproduce a run with FUZZ_SEED=<seed printed below>.
 */
import { ALL_ACTIONS } from '../../core/registry'
import { timeKey } from '../../core/contract/paging'
import { ROLES } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { DEMO_BUILDINGS, DEMO_GRIDS } from '../../core/demo/community'
import { asSent, FUZZ_SEED, garbage, inBatches, isInvalid, isStructured, samples, shapedPayload, STORED_FORBIDDEN } from '../support/fuzz'
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud'

const RUNS = Number(process.env.FUZZ_RUNS ?? 24)

/** Holds every role, so payloads reach input parsing (and handlers) of every action. */
const SUPER: UserDoc = {
  _id: 'fuzz-superuser',
  name: '模糊测试',
  phone: '13700000001',
  buildingId: 'b1',
  unitId: 'b1-1',
  communityId: 'xingfuli',
  streetId: 'xingfu',
  gridId: 'g1',
  roles: ROLES.filter((r) => r !== 'guest'),
  grids: DEMO_GRIDS.map((g) => g.id),
  buildings: DEMO_BUILDINGS.map((b) => b.id),
  staffOf: ['xingfuli'],
  adminOf: ['xingfuli'],
  streets: ['xingfu'],
  volunteer: { status: 'approved', skills: ['other'], availableTimes: ['weekday_morning'], appliedAt: 1, sortKey: timeKey(1, 'fuzz-superuser') },
  createdAt: 1,
  updatedAt: 1,
  sortKey: timeKey(1, 'fuzz-superuser'),
}

let pc: PrivateCloud
beforeAll(async () => {
  pc = await startPrivateCloud([SUPER])
  console.log(`fuzz: ${ALL_ACTIONS.length} actions, ${RUNS} payloads per kind, FUZZ_SEED=${FUZZ_SEED}`)
})
afterAll(() => pc?.stop())

const label = (r: unknown) => JSON.stringify(r).slice(0, 300)

describe.each(ALL_ACTIONS.map((c, i) => [`${c.fn}.${c.action}`, c, i] as const))('%s', (_name, c, i) => {
  test('garbage → INVALID_INPUT, nothing written but the audit record of an audited action', async () => {
    const payloads = samples(garbage, RUNS, i).filter((p) => isInvalid(c, p))
    const before = pc.businessCommits()
    const audited = pc.auditCounts()[`${c.fn}.${c.action}`] ?? 0
    const results = await inBatches(payloads, 8, (p) => pc.callAs(SUPER._id, c, p))
    expect(pc.businessCommits()).toBe(before)
    // audited actions record every attempt, refused ones included
    expect((pc.auditCounts()[`${c.fn}.${c.action}`] ?? 0) - audited).toBe(c.audit ? payloads.length : 0)
    results.forEach((r, k) => {
      if (!isStructured(r) || r.ok || r.error.code !== 'INVALID_INPUT') throw new Error(`payload ${label(asSent(payloads[k]))} → ${label(r)}`)
    })
  })

  test('schema-shaped random payloads → structured result, never INTERNAL', async () => {
    const payloads = samples(shapedPayload(c), RUNS, 1000 + i)
    const results = await inBatches(payloads, 8, (p) => pc.callAs(SUPER._id, c, p))
    results.forEach((r, k) => {
      if (!isStructured(r) || (!r.ok && r.error.code === 'INTERNAL')) {
        throw new Error(`payload ${label(asSent(payloads[k]))} → ${label(r)}\n${pc.internalErrors(c.fn).slice(-3).join('\n')}`)
      }
    })
  })
})

test('events that are not {action, data} → UNKNOWN_ACTION, nothing written', async () => {
  const fns = [...new Set(ALL_ACTIONS.map((c) => c.fn))]
  // callFunction only carries an object as the event (the dev entry refuses anything else, as the cloud does).
  const events = [
    ...samples(garbage, RUNS, 7777).filter((e) => typeof asSent(e) === 'object' && asSent(e) !== null),
    { action: '__proto__' },
    { action: 'constructor', data: {} },
    { action: ['me'] },
    { Type: 'Timer', TriggerName: 'no-such-trigger' },
  ]
  const before = pc.businessCommits()
  for (const fn of fns) {
    const results = await inBatches(events, 8, (e) => pc.raw(SUPER._id, fn, e))
    results.forEach((r, k) => {
      const sent = asSent(events[k]) as { action?: unknown }
      if (typeof sent?.action === 'string' && ALL_ACTIONS.some((c) => c.fn === fn && c.action === sent.action)) return
      if (!isStructured(r) || (r as { ok: boolean }).ok) throw new Error(`${fn} event ${label(sent)} → ${label(r)}`)
    })
  }
  expect(pc.businessCommits()).toBe(before)
})

test('a guest with garbage is turned away before parsing, nothing written', async () => {
  const before = pc.businessCommits()
  const results = await inBatches(ALL_ACTIONS.filter((c) => c.roles !== 'anyone'), 8, (c) => pc.callAs('fuzz-guest', c, { junk: true }))
  expect(pc.businessCommits()).toBe(before)
  for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } })
})

test('after every payload above (hostile characters in every string field), no string ever written holds a control or invisible character', () => {
  const stored = pc.writtenStrings()
  console.log(`fuzz: ${stored.length} strings written, ${stored.filter((s) => /[^\x00-\x7f]/.test(s.value)).length} of them not plain ASCII`)
  expect(stored.length).toBeGreaterThan(1000)
  expect(stored.filter((s) => STORED_FORBIDDEN.test(s.value)).map((s) => `${s.where}: ${JSON.stringify(s.value)}`)).toEqual([])
})

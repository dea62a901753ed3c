/** Helpers for the points/events integration tests: gifts, events with booths, balances, retrying callers. */
import { randomUUID } from 'node:crypto'
import type { InputOf } from '../../core/contract/define'
import { timeKey } from '../../core/contract/paging'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { adjustTransfer, personAccountId, type AccountState } from '../../core/points'
import { pointsFn } from '../../core/points/contract'
import { tx } from '../../server/db'
import { applyTransferOrThrow, ACCOUNTS } from '../../server/ledger'
import { DEMO_COMMUNITY } from '../../core/demo/community'
import { checkLedgerIn } from '../../scripts/check-ledger'
import { fireTimer, okAs, sdkDb } from '../support/call'

export const ADMIN = PERSONAS.admin.openid
export const STAFF = PERSONAS.staffZhang.openid
export const requestId = () => randomUUID().replace(/-/g, '').slice(0, 16)

/** Credit points straight through the ledger with the real SDK (test setup for hundreds of people). */
export async function credit(openids: string[], amount: number): Promise<void> {
  const db = sdkDb()
  for (let i = 0; i < openids.length; i += 25) {
    await Promise.all(
      openids.slice(i, i + 25).map((openid) =>
        tx(db, (t) =>
          applyTransferOrThrow(t, adjustTransfer({ communityId: DEMO_COMMUNITY.id, openid, delta: amount, adjustmentId: `setup:${openid}:${requestId()}`, reason: '测试准备', at: Date.now() })),
        ),
      ),
    )
  }
}

export async function balanceOf(openid: string): Promise<number> {
  const r = await sdkDb().collection(ACCOUNTS).doc(personAccountId(openid)).get()
  return (r.data as AccountState | null)?.balance ?? 0
}

export async function newGift(over: Partial<InputOf<typeof pointsFn.upsertGift>> = {}) {
  const now = Date.now()
  return okAs(ADMIN, pointsFn.upsertGift, { name: '东北大米5斤', price: 30, totalStock: 100, perPersonLimit: 1, activeFrom: now - 3600e3, activeTo: now + 30 * 86400e3, ...over })
}

/** A valid publish input: starts in 10 minutes, sign-up open for an hour. */
export function publishBase(): InputOf<typeof eventsFn.publish> {
  const now = Date.now()
  return {
    kind: 'clinic',
    title: '社区义诊',
    place: '社区活动室',
    startAt: now + 10 * 60e3,
    endAt: now + 2 * 3600e3,
    deadline: now + 3600e3,
    capacity: 30,
    points: 10,
  }
}

export const newEvent = (over: Partial<InputOf<typeof eventsFn.publish>> = {}) => okAs(STAFF, eventsFn.publish, { ...publishBase(), ...over })

/** An event that took place yesterday: published as the app allows (not backdated), then its times moved in the database. */
export async function pastEvent(over: Partial<InputOf<typeof eventsFn.publish>> = {}) {
  const e = await newEvent(over)
  const now = Date.now()
  const times = { startAt: now - 86400e3, endAt: now - 82800e3, deadline: now - 86400e3 }
  await sdkDb().collection('events').doc(e.id).update({ data: { ...times, startKey: timeKey(times.startAt, e.id) } })
  return { ...e, ...times }
}

/** Fire a timer trigger as the cloud does (no caller); a client cannot (see events.test.ts). */
export const runTimer = (fn: 'events' | 'points', name: string) => fireTimer(fn, name)

/**
 * The ledger checker over everything written so far. Accounts and transfers are read by two queries;
 * a transfer committed by another test worker between them is a read skew, not a fault. A real
 * fault persists, so settle on a quiet moment.
 */
export async function quietCheck() {
  let r = await checkLedgerIn(sdkDb())
  for (let i = 0; i < 10 && r.violations.length; i++) {
    await new Promise((res) => setTimeout(res, 300))
    r = await checkLedgerIn(sdkDb())
  }
  return r
}

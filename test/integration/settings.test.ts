/**
 * The settings loader through the real SDK: the most specific stored document over the default,
 * then the next, then the default; kept for its time in the instance; `fresh` and `remember`.
 */
import { randomUUID } from 'node:crypto'
import { SETTINGS } from '../../core/collections'
import { defineSetting } from '../../server/settings'
import { sdkDb } from '../support/call'

type Limits = { perDay: number; perCall: number }
const AT = { communityId: 'c', streetId: 's' }

function setting(own: string, wider: string) {
  const read = (doc: Partial<Limits>, d: Limits): Limits => ({ perDay: doc.perDay ?? d.perDay, perCall: doc.perCall ?? d.perCall })
  return defineSetting<Limits>({ collection: SETTINGS, ids: () => [own, wider], defaults: { perDay: 200, perCall: 50 }, read, ttlMs: 1000 })
}

test('own document, else the wider one, else the default; cached for its time; fresh reads again', async () => {
  const db = sdkDb()
  const [own, wider] = [`it-own-${randomUUID()}`, `it-wider-${randomUUID()}`]
  const s = setting(own, wider)
  expect(await s.load(db, AT, { now: 0 })).toEqual({ perDay: 200, perCall: 50 })

  // stored as settings are: the street's with its street, a community's with its community
  await db.collection(SETTINGS).doc(wider).set({ data: { streetId: AT.streetId, perDay: 100 } })
  // still the default from memory until the time is up
  expect(await s.load(db, AT, { now: 999 })).toEqual({ perDay: 200, perCall: 50 })
  expect(await s.load(db, AT, { now: 1000 })).toEqual({ perDay: 100, perCall: 50 })

  await db.collection(SETTINGS).doc(own).set({ data: { ...AT, perCall: 20 } })
  expect(await s.load(db, AT, { fresh: true, now: 1001 })).toEqual({ perDay: 200, perCall: 20 })

  s.remember(AT, { perDay: 1, perCall: 1 }, 2000)
  expect(await s.load(db, AT, { now: 2500 })).toEqual({ perDay: 1, perCall: 1 })
})

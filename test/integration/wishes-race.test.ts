/**
 * Claims under contention through the real SDK: donors racing for the last share, a crowd for a
 * shared wish, one donor tapping many wishes (the 3-claim limit) or one wish many times, and the
 * expiry timer racing staff at the station. After each, the books agree: a wish's shares held are
 * the shares of its held and received claims; a donor's open count is their held claims.
 */
import { DAY_MS } from '../../core/china-time'
import { wishesFn } from '../../core/wishes/contract'
import { okAs, sdkDb, untilFinal } from '../support/call'
import { expireAt, itemWish, publishedWish, wishWorld, type WishWorld } from './wishes-support'

let w: WishWorld
beforeAll(async () => {
  w = await wishWorld()
})

interface Stored {
  _id: string
  wishId?: string
  donorId?: string
  shares: number
  sharesHeld: number
  status: string
  open: number
}
const all = async (collection: string, where: object): Promise<Stored[]> => (await sdkDb().collection(collection).where(where).limit(1000).get()).data
const tally = (codes: string[]) => Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]))

/** The counters agree with the claims, for every wish and donor of the community. */
async function booksAgree(): Promise<void> {
  const communityId = w.s.communityId
  const [wishes, claims, donors] = await Promise.all([all('wishes', { communityId }), all('wish_claims', { communityId }), all('wish_donors', { communityId })])
  const live = claims.filter((c) => c.status === 'held' || c.status === 'received')
  const sharesOf = (id: string) => live.filter((c) => c.wishId === id).reduce((n, c) => n + c.shares, 0)
  expect(wishes.filter((x) => x.sharesHeld !== sharesOf(x._id) || x.sharesHeld > x.shares).map((x) => x._id)).toEqual([])
  const heldBy = (d: string) => claims.filter((c) => c.donorId === d && c.status === 'held').length
  expect(donors.filter((d) => d.open !== heldBy(d._id) || d.open > 3).map((d) => d._id)).toEqual([])
}

test('the last share: two donors at once on each of 25 wishes — exactly one wins each', async () => {
  const ids = await Promise.all(Array.from({ length: 25 }, () => publishedWish(w, itemWish(w.s.gridId))))
  const donors = await w.people(50)
  const t0 = Date.now()
  const rs = await Promise.all(ids.flatMap((wishId, i) => [donors[2 * i], donors[2 * i + 1]].map((d) => untilFinal(d, wishesFn.claim, { wishId }))))
  const codes = rs.map((r) => (r.ok ? 'OK' : r.error.code))
  console.log(`25 × 2 donors for the last share in ${Date.now() - t0} ms; BUSY retried ${rs.reduce((n, r) => n + r.busy, 0)}; outcomes`, tally(codes))
  for (let i = 0; i < ids.length; i++) expect([codes[2 * i], codes[2 * i + 1]].sort()).toEqual(['OK', expect.stringMatching(/^(WISH_NOT_OPEN|NO_SHARES_LEFT)$/)])
  const stored = await all('wish_claims', { wishId: sdkDb().command.in(ids) })
  expect(stored).toHaveLength(25)
  await booksAgree()
})

test('one share left of ten: 200 donors at once — exactly one gets it', async () => {
  const wishId = await publishedWish(w, itemWish(w.s.gridId, undefined, { shares: 10 }))
  const [first, ...crowd] = await w.people(201)
  await okAs(first, wishesFn.claim, { wishId, shares: 9 })
  const t0 = Date.now()
  const rs = await Promise.all(crowd.map((d) => untilFinal(d, wishesFn.claim, { wishId })))
  const codes = rs.map((r) => (r.ok ? 'OK' : r.error.code))
  console.log(`200 donors for 1 share in ${Date.now() - t0} ms; BUSY retried ${rs.reduce((n, r) => n + r.busy, 0)}; outcomes`, tally(codes))
  expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
  expect(codes.every((c) => ['OK', 'WISH_NOT_OPEN', 'NO_SHARES_LEFT'].includes(c))).toBe(true)
  const wish = await okAs(w.staff, wishesFn.staffWish, { wishId })
  expect(wish).toMatchObject({ status: 'claimed', sharesLeft: 0 })
  expect(wish.claims.map((c) => c.shares).sort()).toEqual([1, 9])
  await booksAgree()
})

test('a shared wish of 10 shares: 150 donors at once — exactly 10 claims, never oversold', async () => {
  const wishId = await publishedWish(w, itemWish(w.s.gridId, undefined, { shares: 10 }))
  const crowd = await w.people(150)
  const t0 = Date.now()
  const rs = await Promise.all(crowd.map((d) => untilFinal(d, wishesFn.claim, { wishId })))
  const codes = rs.map((r) => (r.ok ? 'OK' : r.error.code))
  console.log(`150 donors for 10 shares in ${Date.now() - t0} ms; BUSY retried ${rs.reduce((n, r) => n + r.busy, 0)}; outcomes`, tally(codes))
  expect(codes.filter((c) => c === 'OK')).toHaveLength(10)
  expect((await all('wish_claims', { wishId })).filter((c) => c.status === 'held')).toHaveLength(10)
  await booksAgree()
})

test('one donor taps 8 wishes at once: 3 claims held, the rest TOO_MANY_CLAIMS; 30 taps on one wish make one claim', async () => {
  const ids = await Promise.all(Array.from({ length: 8 }, () => publishedWish(w, itemWish(w.s.gridId))))
  const donor = await w.person()
  const rs = await Promise.all(ids.map((wishId) => untilFinal(donor, wishesFn.claim, { wishId })))
  const codes = rs.map((r) => (r.ok ? 'OK' : r.error.code))
  expect(tally(codes)).toEqual({ OK: 3, TOO_MANY_CLAIMS: 5 })
  expect((await sdkDb().collection('wish_donors').doc(donor).get()).data.open).toBe(3)

  const shared = await publishedWish(w, itemWish(w.s.gridId, undefined, { shares: 5 }))
  const tapper = await w.person()
  const taps = await Promise.all(Array.from({ length: 30 }, () => untilFinal(tapper, wishesFn.claim, { wishId: shared })))
  expect(taps.every((r) => r.ok && r.data.mine?.status === 'held')).toBe(true)
  expect((await okAs(w.staff, wishesFn.staffWish, { wishId: shared })).sharesLeft).toBe(4)
  expect((await sdkDb().collection('wish_donors').doc(tapper).get()).data.open).toBe(1)
  await booksAgree()
})

test('the expiry timer racing staff at the station on 20 claims: each claim ends one way, the books agree', async () => {
  // the claims of the tests before lapse first, so the timer's run below meets only these 20
  await expireAt(Date.now() + 8 * DAY_MS, w.s.communityId)
  const ids = await Promise.all(Array.from({ length: 20 }, () => publishedWish(w, itemWish(w.s.gridId))))
  const donors = await w.people(20)
  for (const [i, wishId] of ids.entries()) await okAs(donors[i], wishesFn.claim, { wishId })
  const later = Date.now() + 8 * DAY_MS
  const [expiry, ...received] = await Promise.all([expireAt(later, w.s.communityId), ...ids.map((wishId, i) => untilFinal(w.staff, wishesFn.receive, { claimId: `${wishId}-${donors[i]}` }))])
  const got = received.filter((r) => r.ok).length
  console.log(`expiry vs receive on 20 claims: ${expiry.expired} expired, ${got} received`)
  const claims = await all('wish_claims', { wishId: sdkDb().command.in(ids) })
  expect(claims.filter((c) => c.status === 'held')).toHaveLength(0)
  // at most the whole lot each way; together every claim ended once
  expect(claims.filter((c) => c.status === 'received')).toHaveLength(got)
  expect(claims.filter((c) => c.status === 'expired').length + got).toBe(20)
  expect(received.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CLAIM_STATE')).toBe(true)
  await booksAgree()
})

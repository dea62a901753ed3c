/**
 * Claims, each change ONE transaction on known ids: the claim (`<wishId>-<donor>`, so a repeated
 * tap finds the same claim), the wish (its shares held) and the donor's counter of open claims.
 * Reading all three in the transaction is what keeps two donors from taking the last share.
 */
import { claimExpiresAt, claimMachine, claimProblem, wishAfterClaims, type ClaimEvent } from '../../core/wishes/machine'
import { wishesError } from '../../core/wishes/contract'
import { getOrNull, setDoc, type Tx } from '../../server/db'
import { claimIdOf, donorOf, entry, getWish, WISH_CLAIMS, WISH_DONORS, WISHES, type ClaimDoc, type DonorDoc, type WishDoc } from './store'

export interface Donor {
  openid: string
  name: string
  communityId: string
}

/** Take `shares` of a wish for a donor; the same donor's held claim comes back as it is. */
export async function takeShares(t: Tx, wishId: string, donor: Donor, shares: number, now: number): Promise<{ wish: WishDoc; claim: ClaimDoc }> {
  const id = claimIdOf(wishId, donor.openid)
  const [wish, claim, counter] = await Promise.all([getWish(t, wishId), getOrNull<ClaimDoc>(t, WISH_CLAIMS, id), donorOf(t, donor.openid, donor.communityId, now)])
  if (!wish || wish.communityId !== donor.communityId || wish.status === 'draft' || wish.status === 'review') throw wishesError('WISH_UNKNOWN')
  if (claim?.status === 'held') return { wish, claim }
  if (claim?.status === 'received') throw wishesError('ALREADY_CLAIMED')
  // staff who wrote or approved it do not give to it (a service wish would pay them points)
  if (donor.openid === wish.authorId || donor.openid === wish.reviewerId) throw wishesError('OWN_WISH')
  // one hold per donor and wish: claiming again after letting go keeps the first 7 days
  const hold = claim ? { claimedAt: claim.claimedAt, expiresAt: claim.expiresAt } : { claimedAt: now, expiresAt: claimExpiresAt(now) }
  if (hold.expiresAt <= now) throw wishesError('HOLD_USED')
  const problem = claimProblem({ status: wish.status, sharesLeft: wish.shares - wish.sharesHeld, shares, openClaims: counter.open })
  if (problem) throw wishesError(problem)
  const held = wish.sharesHeld + shares
  const status = wishAfterClaims(wish.status, held, wish.shares)
  const next: WishDoc = {
    ...wish,
    sharesHeld: held,
    status,
    claimedAt: status === 'claimed' ? now : wish.claimedAt,
    updatedAt: now,
    timeline: status === wish.status ? wish.timeline : [...wish.timeline, entry(now, 'system', 'FILL')],
  }
  const made: ClaimDoc = { _id: id, wishId, communityId: wish.communityId, donorId: donor.openid, donorName: donor.name, shares, status: 'held', ...hold, endedAt: null, orderId: null }
  await Promise.all([setDoc(t, WISHES, next), setDoc(t, WISH_CLAIMS, made), setDoc(t, WISH_DONORS, { ...counter, open: counter.open + 1, updatedAt: now } satisfies DonorDoc)])
  return { wish: next, claim: made }
}

/**
 * A held claim ends: expired (the timer), cancelled (donor or a withdrawal) or received (staff, at
 * the station). Its shares go back unless received; the donor's open claims drop by one.
 */
export async function endClaim(t: Tx, claimId: string, event: ClaimEvent, actor: 'donor' | 'staff' | 'system', now: number, by: string, extra: Pick<Partial<ClaimDoc>, 'orderId'> = {}): Promise<{ wish: WishDoc; claim: ClaimDoc }> {
  const claim = await getOrNull<ClaimDoc>(t, WISH_CLAIMS, claimId)
  if (!claim) throw wishesError('CLAIM_UNKNOWN')
  const step = claimMachine.step(claim.status, event, actor)
  if (!step.ok) throw wishesError(step.code === 'BAD_STATE' ? 'CLAIM_STATE' : 'FORBIDDEN')
  if (event === 'EXPIRE' && claim.expiresAt > now) throw wishesError('CLAIM_STATE')
  const [wish, counter] = await Promise.all([getWish(t, claim.wishId), donorOf(t, claim.donorId, claim.communityId, now)])
  if (!wish) throw wishesError('WISH_UNKNOWN')
  const received = step.to === 'received'
  const held = received ? wish.sharesHeld : wish.sharesHeld - claim.shares
  const sharesReceived = wish.sharesReceived + (received ? claim.shares : 0)
  let status = wishAfterClaims(wish.status, held, wish.shares)
  // every share handed in at the station: the wish is received
  if (status === 'claimed' && sharesReceived >= wish.shares) status = 'received'
  const events = status === wish.status ? [] : [entry(now, by, status === 'published' ? 'RELEASE' : 'RECEIVE')]
  const next: WishDoc = { ...wish, sharesHeld: held, sharesReceived, status, claimedAt: status === 'published' ? null : wish.claimedAt, updatedAt: now, timeline: [...wish.timeline, ...events] }
  const ended: ClaimDoc = { ...claim, ...extra, status: step.to, endedAt: now }
  await Promise.all([setDoc(t, WISHES, next), setDoc(t, WISH_CLAIMS, ended), setDoc(t, WISH_DONORS, { ...counter, open: Math.max(0, counter.open - 1), updatedAt: now } satisfies DonorDoc)])
  return { wish: next, claim: ended }
}

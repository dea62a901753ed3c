/**
 * An anonymous ballot, the evaluation's and the election's alike: in the caller's transaction,
 * "this household voted" and "this person voted" under known ids (`<voteId>-<household hash>`,
 * `<voteId>-<person hash>`: a second vote of the household from any phone, or of the person after
 * changing their room, finds them), and a ballot under a random id holding the vote's id, the
 * community and what was chosen — nothing that names the household or the time, and nothing that
 * points from one record to the other.
 */
import { randomBytes } from 'node:crypto'
import { COUNCIL_BALLOTS, COUNCIL_VOTED, COUNCIL_VOTERS } from '../../core/collections'
import { councilError } from '../../core/council/contract'
import { getOrNull, type Tx } from '../../server/db'
import { householdHash, personHash } from './topics'

export const votedId = (voteId: string, hash: string) => `${voteId}-${hash}`

/** `vote` names the vote (`{ evaluationId }` or `{ electionId }`); `ballot` is what the ballot holds besides it. */
export async function castBallot(t: Tx, p: { vote: Record<string, string>; communityId: string; household: string; openid: string; ballot: Record<string, unknown> }): Promise<void> {
  const voteId = Object.values(p.vote)[0]
  const voted = votedId(voteId, householdHash(p.household))
  const voter = votedId(voteId, personHash(p.openid))
  const [byHousehold, byPerson] = await Promise.all([getOrNull(t, COUNCIL_VOTED, voted), getOrNull(t, COUNCIL_VOTERS, voter)])
  if (byHousehold || byPerson) throw councilError('ALREADY_VOTED')
  const at = { ...p.vote, communityId: p.communityId }
  await t.collection(COUNCIL_VOTED).doc(voted).set({ data: at })
  await t.collection(COUNCIL_VOTERS).doc(voter).set({ data: at })
  await t.collection(COUNCIL_BALLOTS).doc(randomBytes(12).toString('hex')).set({ data: { ...at, ...p.ballot } })
}

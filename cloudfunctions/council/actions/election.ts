/**
 * Re-electing the committee (core/council/election.ts): opened by the admin after an evaluation
 * said 改选, one anonymous ballot per household with 1–3 candidates (../ballots.ts, as the
 * evaluation's) — counted when it closes; a tie for the last seats waits for the public
 * draw at a session: the server draws when the admin starts it there, and records the draw. The elected become the committee for half a year.
 */
import { randomInt } from 'node:crypto'
import { COUNCIL_BALLOTS, COUNCIL_ELECTIONS, COUNCIL_EVALUATIONS, COUNCIL_VOTED, EVENTS, USERS } from '../../../core/collections'
import { chinaDay, DAY_MS } from '../../../core/china-time'
import { commonError } from '../../../core/contract/errors'
import { councilError, type councilFn, type ElectionView } from '../../../core/council/contract'
import { choiceProblem, drawOf, resultOf } from '../../../core/council/election'
import type { EventDoc } from '../../../core/events'
import type { Ctx, TimerCtx } from '../../../server/context'
import { mustBeHere, mustPlace } from '../../../server/community'
import { countOf, getOrNull, rows, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { householdHash, myHousehold } from '../topics'
import { castBallot, votedId } from '../ballots'
import { writeCommittee } from './agenda'

const OPEN_DAYS = 7
const TERM_DAYS = 182

interface Candidate {
  id: string
  name: string
  openid: string | null
}
interface ElectionDoc {
  _id: string
  communityId: string
  streetId: string
  evaluationId: string
  status: 'open' | 'tie' | 'closed'
  opensAt: number
  closesAt: number
  candidates: Candidate[]
  votes: Record<string, number> | null
  elected: string[]
  tied: string[]
  seatsToDraw: number
  drawn: { sessionId: string; ids: string[]; by: string; at: number } | null
}

const latest = async (ctx: Pick<Ctx, 'db'>, communityId: string) => (await rows<ElectionDoc>(ctx.db.collection(COUNCIL_ELECTIONS).where({ communityId }).orderBy('opensAt', 'desc').limit(1)))[0] ?? null

async function viewOf(ctx: Ctx, e: ElectionDoc): Promise<ElectionView> {
  const household = e.communityId === ctx.caller.home?.communityId ? myHousehold(ctx) : null
  const voted = !!household && !!(await getOrNull(ctx.db, COUNCIL_VOTED, votedId(e._id, householdHash(household))))
  const name = new Map(e.candidates.map((c) => [c.id, c.name]))
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id)
  return {
    _id: e._id,
    status: e.status,
    closesAt: e.closesAt,
    candidates: e.candidates.map((c) => ({ id: c.id, name: c.name })),
    voted,
    votes: e.status === 'open' ? null : e.votes,
    elected: names(e.elected),
    tied: names(e.tied),
    seatsToDraw: e.seatsToDraw,
    drawn: e.drawn && { sessionId: e.drawn.sessionId, names: names(e.drawn.ids), by: e.drawn.by, at: e.drawn.at },
  }
}

export const openElection: Handler<(typeof councilFn)['openElection']> = async (ctx, { candidates }) => {
  const place = mustPlace(ctx.caller)
  const now = ctx.now()
  const evaluation = (await rows<{ _id: string; status: string; outcome: string | null }>(ctx.db.collection(COUNCIL_EVALUATIONS).where({ communityId: place.communityId }).orderBy('opensAt', 'desc').limit(1)))[0]
  if (!evaluation || evaluation.status !== 'closed' || evaluation.outcome !== 'reelect') throw councilError('NO_REELECTION')
  for (const [i, c] of candidates.entries()) {
    if (!c.openid) continue
    const u = await getOrNull<{ communityId: string }>(ctx.db, USERS, c.openid)
    if (!u || u.communityId !== place.communityId) throw councilError.at(`candidates.${i}.openid`, 'MEMBER_UNKNOWN')
  }
  // one election per evaluation: its id is the evaluation's
  const e: ElectionDoc = {
    _id: `el-${evaluation._id}`,
    ...place,
    evaluationId: evaluation._id,
    status: 'open',
    opensAt: now,
    closesAt: now + OPEN_DAYS * DAY_MS,
    candidates: candidates.map((c, i) => ({ id: `c${i + 1}`, name: c.name, openid: c.openid ?? null })),
    votes: null,
    elected: [],
    tied: [],
    seatsToDraw: 0,
    drawn: null,
  }
  await tx(ctx.db, async (t) => {
    if (await getOrNull(t, COUNCIL_ELECTIONS, e._id)) throw councilError('ELECTION_OPEN')
    await setDoc(t, COUNCIL_ELECTIONS, e)
  })
  return viewOf(ctx, e)
}

export const electionVote: Handler<(typeof councilFn)['electionVote']> = async (ctx, { electionId, choices }) => {
  const household = myHousehold(ctx)
  const now = ctx.now()
  await tx(ctx.db, async (t) => {
    const e = await getOrNull<ElectionDoc>(t, COUNCIL_ELECTIONS, electionId)
    if (!e || e.communityId !== ctx.caller.home?.communityId) throw councilError('ELECTION_UNKNOWN')
    if (e.status !== 'open' || now >= e.closesAt) throw councilError('ELECTION_CLOSED')
    if (!household) throw councilError('NO_HOUSEHOLD')
    const problem = choiceProblem(choices, e.candidates.map((c) => c.id))
    if (problem) throw councilError.at('choices', problem)
    await castBallot(t, { vote: { electionId }, communityId: e.communityId, household, openid: ctx.openid, ballot: { choices: [...choices].sort() } })
  })
  return { voted: true as const }
}

export const election: Handler<(typeof councilFn)['election']> = async (ctx) => {
  const e = await latest(ctx, mustPlace(ctx.caller).communityId)
  return e ? viewOf(ctx, e) : null
}

const until = (now: number) => chinaDay(now + TERM_DAYS * DAY_MS)
const membersOf = (e: ElectionDoc, ids: string[], now: number) => ids.map((id) => e.candidates.find((c) => c.id === id)!).map((c) => ({ name: c.name, openid: c.openid, until: until(now) }))

/** Count a due election: the elected become the committee, or the tied wait for the draw. */
export async function closeElectionDue(ctx: TimerCtx, communityId: string): Promise<ElectionDoc | null> {
  const e = await latest(ctx, communityId)
  const now = ctx.now()
  if (!e || e.status !== 'open' || now < e.closesAt) return e
  const counts = await Promise.all(e.candidates.map((c) => countOf(ctx.db.collection(COUNCIL_BALLOTS).where({ electionId: e._id, choices: c.id }))))
  const votes = Object.fromEntries(e.candidates.map((c, i) => [c.id, counts[i]]))
  const r = resultOf(e.candidates.map((c) => c.id), votes)
  const closed = await tx(ctx.db, async (t) => {
    const again = await getOrNull<ElectionDoc>(t, COUNCIL_ELECTIONS, e._id)
    if (!again || again.status !== 'open') return null
    const next: ElectionDoc = { ...again, _id: e._id, votes, elected: r.elected, ...(r.status === 'tie' ? { status: 'tie', tied: r.tied, seatsToDraw: r.seatsToDraw } : { status: 'closed' }) }
    await setDoc(t, COUNCIL_ELECTIONS, next)
    // the new committee in the same transaction: closed and elected, or neither
    if (next.status === 'closed') await writeCommittee(t, { communityId: e.communityId, streetId: e.streetId }, membersOf(next, next.elected, now), now)
    return next
  })
  return closed ?? (await latest(ctx, communityId))
}

export const closeElection: Handler<(typeof councilFn)['closeElection']> = async (ctx) => {
  const e = await closeElectionDue(ctx, mustPlace(ctx.caller).communityId)
  return e ? viewOf(ctx, e) : null
}

export const drawTie: Handler<(typeof councilFn)['drawTie']> = async (ctx, { electionId, sessionId }) => {
  const now = ctx.now()
  const session = await getOrNull<EventDoc>(ctx.db, EVENTS, sessionId)
  if (!session || session.kind !== 'council') throw commonError('NOT_FOUND')
  mustBeHere(ctx.caller, session)
  if (now < session.startAt) throw councilError('SESSION_NOT_STARTED')
  const done = await tx(ctx.db, async (t) => {
    const e = await getOrNull<ElectionDoc>(t, COUNCIL_ELECTIONS, electionId)
    if (!e || e.communityId !== session.communityId) throw councilError('ELECTION_UNKNOWN')
    if (e.status !== 'tie') throw councilError('NOT_TIED')
    // drawn by the server, in the transaction that records it: a retry after commit finds it closed
    const drawn = drawOf(e.tied, e.seatsToDraw, (n) => randomInt(n))
    const next: ElectionDoc = { ...e, _id: electionId, status: 'closed', elected: [...e.elected, ...drawn], drawn: { sessionId, ids: drawn, by: ctx.user!.name, at: now } }
    await setDoc(t, COUNCIL_ELECTIONS, next)
    await writeCommittee(t, { communityId: next.communityId, streetId: next.streetId }, membersOf(next, next.elected, now), now)
    return next
  })
  return viewOf(ctx, done)
}

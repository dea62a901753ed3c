/**
 * The 选题委员会's half-yearly evaluation (core/council/evaluation.ts has the rules; ballots are written by ../ballots.ts). Anonymity by
 * construction: a vote writes, in one transaction, "this household voted" and "this person voted"
 * under known ids (`<evaluationId>-<household hash>`, `<evaluationId>-<person hash>`: a second vote
 * of the household from any phone, or of the person after changing their room, finds them) and
 * a ballot under a random id holding the evaluation, the community and the choice — nothing that
 * names the household or the time, and nothing that points from one to the other. Tallies are
 * counted only at close and shown only after it.
 */
import { randomBytes } from 'node:crypto'
import { COUNCIL_BALLOTS, COUNCIL_EVALUATIONS, COUNCIL_PAPER, COUNCIL_VOTED } from '../../../core/collections'
import { enterPaper, type PaperEntry } from '../../../core/council/election'
import { councilError, type councilFn, type EvaluationView } from '../../../core/council/contract'
import { BALLOT_CHOICES, outcomeOf, quorumOf, type Tally } from '../../../core/council/evaluation'
import { DAY_MS } from '../../../core/china-time'
import type { Ctx, TimerCtx } from '../../../server/context'
import { countOf, getOrNull, rows, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'
import { householdHash, householdsOf, myHousehold } from '../topics'
import { castBallot, votedId } from '../ballots'

const OPEN_DAYS = 7

interface EvaluationDoc {
  _id: string
  communityId: string
  streetId: string
  status: 'open' | 'closed'
  opensAt: number
  closesAt: number
  extended: boolean
  eligible: number
  tally: Tally | null
  outcome: 'void' | 'kept' | 'reelect' | null
  openedBy: string
}

const latest = async (ctx: Pick<Ctx, 'db'>, communityId: string) => (await rows<EvaluationDoc>(ctx.db.collection(COUNCIL_EVALUATIONS).where({ communityId }).orderBy('opensAt', 'desc').limit(1)))[0] ?? null

function viewOf(e: EvaluationDoc, voted: boolean): EvaluationView {
  return { _id: e._id, status: e.status, opensAt: e.opensAt, closesAt: e.closesAt, extended: e.extended, eligible: e.eligible, quorum: quorumOf(e.eligible), voted, tally: e.status === 'closed' ? e.tally : null, outcome: e.status === 'closed' ? e.outcome : null }
}

async function votedBy(ctx: Ctx, e: EvaluationDoc): Promise<boolean> {
  const household = e.communityId === ctx.caller.home?.communityId ? myHousehold(ctx) : null
  return !!household && !!(await getOrNull(ctx.db, COUNCIL_VOTED, votedId(e._id, householdHash(household))))
}

export const openEvaluation: Handler<(typeof councilFn)['openEvaluation']> = async (ctx) => {
  const place = mustPlace(ctx.caller)
  const now = ctx.now()
  const last = await latest(ctx, place.communityId)
  if (last?.status === 'open') throw councilError('EVALUATION_OPEN')
  const e: EvaluationDoc = { _id: `ev${now.toString(36)}${randomBytes(3).toString('hex')}`, ...place, status: 'open', opensAt: now, closesAt: now + OPEN_DAYS * DAY_MS, extended: false, eligible: await householdsOf(ctx.db, place.communityId, now), tally: null, outcome: null, openedBy: ctx.openid }
  const { _id, ...data } = e
  await ctx.db.collection(COUNCIL_EVALUATIONS).doc(_id).set({ data })
  return viewOf(e, false)
}

export const vote: Handler<(typeof councilFn)['vote']> = async (ctx, { evaluationId, choice }) => {
  const household = myHousehold(ctx)
  const now = ctx.now()
  await tx(ctx.db, async (t) => {
    const e = await getOrNull<EvaluationDoc>(t, COUNCIL_EVALUATIONS, evaluationId)
    // another community's evaluation is not this household's to vote in: as if it did not exist
    if (!e || e.communityId !== ctx.caller.home?.communityId) throw councilError('EVALUATION_UNKNOWN')
    if (e.status !== 'open' || now >= e.closesAt) throw councilError('EVALUATION_CLOSED')
    if (!household) throw councilError('NO_HOUSEHOLD')
    await castBallot(t, { vote: { evaluationId }, communityId: e.communityId, household, openid: ctx.openid, ballot: { choice } })
  })
  return { voted: true as const }
}

export const evaluation: Handler<(typeof councilFn)['evaluation']> = async (ctx) => {
  const e = await latest(ctx, mustPlace(ctx.caller).communityId)
  return e ? viewOf(e, await votedBy(ctx, e)) : null
}

const appBallots = async (ctx: Pick<Ctx, 'db'>, evaluationId: string): Promise<Tally> => {
  const counts = await Promise.all(BALLOT_CHOICES.map((c) => countOf(ctx.db.collection(COUNCIL_BALLOTS).where({ evaluationId, choice: c }))))
  return Object.fromEntries(BALLOT_CHOICES.map((c, i) => [c, counts[i]])) as Tally
}

interface PaperDoc {
  _id: string
  communityId: string
  first: PaperEntry & { photo: string; at: number }
  second: (PaperEntry & { photo: string; at: number }) | null
  confirmed: boolean
}

/** Paper ballots as totals, entered by one staff member and again by another; they count when both agree. */
export const paperBallots: Handler<(typeof councilFn)['paperBallots']> = async (ctx, { evaluationId, support, oppose, abstain, photo }) => {
  const now = ctx.now()
  const totals = { support, oppose, abstain }
  const e = await getOrNull<EvaluationDoc>(ctx.db, COUNCIL_EVALUATIONS, evaluationId)
  if (!e || e.communityId !== mustPlace(ctx.caller).communityId) throw councilError('EVALUATION_UNKNOWN')
  if (e.status !== 'open') throw councilError('EVALUATION_CLOSED')
  // paper and phone together cannot be more ballots than households
  const app = await appBallots(ctx, evaluationId)
  if (support + oppose + abstain + app.support + app.oppose + app.abstain > e.eligible) throw councilError('PAPER_TOO_MANY')
  return tx(ctx.db, async (t) => {
    const cur = await getOrNull<PaperDoc>(t, COUNCIL_PAPER, evaluationId)
    const step = enterPaper(cur?.first ?? null, !!cur?.confirmed, { by: ctx.openid, totals })
    if (!step.ok) throw councilError(step.code)
    const entry = { by: ctx.openid, totals, photo, at: now }
    const next: PaperDoc = cur ? { ...cur, _id: evaluationId, second: entry, confirmed: true } : { _id: evaluationId, communityId: e.communityId, first: entry, second: null, confirmed: false }
    await setDoc(t, COUNCIL_PAPER, next)
    return { confirmed: step.confirmed }
  })
}

/** Close the community's open evaluation once its time is up: extended once without a quorum, then void; else kept or re-elect. */
export async function closeDue(ctx: TimerCtx, communityId: string): Promise<EvaluationDoc | null> {
  const e = await latest(ctx, communityId)
  const now = ctx.now()
  if (!e || e.status !== 'open' || now < e.closesAt) return e
  const [counts, paper] = await Promise.all([appBallots(ctx, e._id), getOrNull<PaperDoc>(ctx.db, COUNCIL_PAPER, e._id)])
  // paper totals count once two staff entered the same numbers
  const tally = Object.fromEntries(BALLOT_CHOICES.map((c) => [c, counts[c] + (paper?.confirmed ? paper.first.totals[c] : 0)])) as Tally
  const outcome = outcomeOf(tally, e.eligible, e.extended)
  return tx(ctx.db, async (t) => {
    const again = await getOrNull<EvaluationDoc>(t, COUNCIL_EVALUATIONS, e._id)
    if (!again || again.status !== 'open' || again.closesAt !== e.closesAt) return again && { ...again, _id: e._id }
    const next: EvaluationDoc =
      outcome === 'extend' ? { ...again, _id: e._id, extended: true, closesAt: again.closesAt + OPEN_DAYS * DAY_MS } : { ...again, _id: e._id, status: 'closed', tally, outcome }
    await setDoc(t, COUNCIL_EVALUATIONS, next)
    return next
  })
}

export const closeEvaluation: Handler<(typeof councilFn)['closeEvaluation']> = async (ctx) => {
  const e = await closeDue(ctx, mustPlace(ctx.caller).communityId)
  return e ? viewOf(e, await votedBy(ctx, e)) : null
}

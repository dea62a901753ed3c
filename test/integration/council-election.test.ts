/**
 * When the evaluation says 改选, through the real SDK: paper ballots entered twice by two staff
 * (with the tally sheet's photo) count with the phones' ballots; the admin opens the election with
 * the nominated candidates; one ballot per household with 1–3 names (two phones of one household
 * racing count once); a tie for the last seats is drawn at a session that has started and recorded;
 * the elected are the committee. Ballots hold the choices and nothing else.
 */
import { councilFn } from '../../core/council/contract'
import { chinaDay } from '../../core/china-time'
import { callAs, okAs, sdkDb, untilFinal } from '../support/call'
import { councilWorld, DAY, type CouncilWorld } from './council-support'

const PHOTO = 'cloud://local.6c6f-local-1250000000/council/it/tally-sheet.jpg'
type Raw = Record<string, unknown>
const all = async (collection: string, where: object) => (await sdkDb().collection(collection).where(where).limit(1000).get()).data as Raw[]

describe('re-electing the committee', () => {
  let w: CouncilWorld
  let clerk: string
  let evaluationId: string
  let electionId: string
  const households: string[] = []
  beforeAll(async () => {
    w = await councilWorld()
    clerk = await w.person(['resident', 'staff'], { grids: [w.s.gridId], staffOf: [w.s.communityId], name: '吴网格员' })
    for (let i = 0; i < 14; i++) households.push(await w.person())
  }, 60_000)

  it('paper totals count when a second staff member enters the same numbers', async () => {
    evaluationId = (await okAs(w.admin, councilFn.openEvaluation, {}))._id
    await Promise.all(households.slice(0, 11).map((h) => okAs(h, councilFn.vote, { evaluationId, choice: 'oppose' })))
    const paper = { evaluationId, support: 1, oppose: 2, abstain: 0, photo: PHOTO }
    expect(await callAs(w.staff, councilFn.paperBallots, { ...paper, photo: 'https://example.com/a.jpg' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'photo' }] } })
    expect(await callAs(w.staff, councilFn.paperBallots, { ...paper, oppose: 100_000 })).toMatchObject({ ok: false, error: { code: 'PAPER_TOO_MANY' } })
    expect(await okAs(w.staff, councilFn.paperBallots, paper)).toEqual({ confirmed: false })
    expect(await callAs(w.staff, councilFn.paperBallots, paper)).toMatchObject({ ok: false, error: { code: 'SAME_PERSON' } })
    expect(await callAs(clerk, councilFn.paperBallots, { ...paper, oppose: 3 })).toMatchObject({ ok: false, error: { code: 'PAPER_MISMATCH' } })
    expect(await okAs(clerk, councilFn.paperBallots, paper)).toEqual({ confirmed: true })
    expect(await callAs(w.admin, councilFn.paperBallots, paper)).toMatchObject({ ok: false, error: { code: 'PAPER_CONFIRMED' } })
    expect(await callAs(w.admin, councilFn.openElection, { candidates: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] })).toMatchObject({ ok: false, error: { code: 'NO_REELECTION' } })
    await sdkDb().collection('council_evaluations').doc(evaluationId).update({ data: { closesAt: Date.now() - 1 } })
    expect(await okAs(w.admin, councilFn.closeEvaluation, {})).toMatchObject({ status: 'closed', outcome: 'reelect', tally: { support: 1, oppose: 13, abstain: 0 } })
  })

  it('opened once with the nominated; a candidate with the app must live here', async () => {
    const candidates = [{ name: '刘阿姨', openid: households[0] }, { name: '马师傅' }, { name: '郑老师' }, { name: '何大哥' }]
    expect(await callAs(w.admin, councilFn.openElection, { candidates: [{ name: '外人', openid: 'demo-resident-wang' }, ...candidates.slice(1)] })).toMatchObject({ ok: false, error: { code: 'MEMBER_UNKNOWN', details: [{ path: 'candidates.0.openid' }] } })
    const e = await okAs(w.admin, councilFn.openElection, { candidates })
    electionId = e._id
    expect(e).toMatchObject({ status: 'open', votes: null, candidates: [{ id: 'c1', name: '刘阿姨' }, { id: 'c2', name: '马师傅' }, { id: 'c3', name: '郑老师' }, { id: 'c4', name: '何大哥' }] })
    expect(await callAs(w.admin, councilFn.openElection, { candidates })).toMatchObject({ ok: false, error: { code: 'ELECTION_OPEN' } })
  })

  it('one ballot of 1 to 3 names per household; a household racing on two phones counts once', async () => {
    const voter = households[13]
    expect(await callAs(voter, councilFn.electionVote, { electionId, choices: ['c1', 'c2', 'c3', 'c4'] })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_CHOICES', details: [{ path: 'choices' }] } })
    expect(await callAs(voter, councilFn.electionVote, { electionId, choices: ['c9'] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CANDIDATE' } })
    // c1: 5 votes, c2, c3, c4: 3 each → c1 elected, two of c2–c4 to be drawn
    const ballots = [['c1', 'c2'], ['c1', 'c3'], ['c1', 'c4'], ['c1', 'c2', 'c3'], ['c2', 'c4'], ['c3', 'c4']]
    await Promise.all(ballots.map((choices, i) => okAs(households[i], councilFn.electionVote, { electionId, choices })))
    const twin = await w.person()
    const room = (await sdkDb().collection('users').doc(households[6]).get()).data.room
    await sdkDb().collection('users').doc(twin).update({ data: { room } })
    const race = await Promise.all([households[6], twin, households[6], twin].map((p) => untilFinal(p, councilFn.electionVote, { electionId, choices: ['c1'] })))
    expect(race.filter((r) => r.ok)).toHaveLength(1)
    expect(await okAs(households[6], councilFn.election, {})).toMatchObject({ voted: true, votes: null })
    const stored = await all('council_ballots', { electionId })
    expect(stored).toHaveLength(7)
    expect(stored.every((b) => Object.keys(b).sort().join() === '_id,choices,communityId,electionId')).toBe(true)
  })

  it('a tie for the last seats is drawn at a session that has started; the elected are the committee for half a year', async () => {
    await sdkDb().collection('council_elections').doc(electionId).update({ data: { closesAt: Date.now() - 1 } })
    const counted = await okAs(w.admin, councilFn.closeElection, {})
    expect(counted).toMatchObject({ status: 'tie', votes: { c1: 5, c2: 3, c3: 3, c4: 3 }, elected: ['刘阿姨'], tied: ['马师傅', '郑老师', '何大哥'], seatsToDraw: 2 })
    const sessionId = (await okAs(w.staff, councilFn.series, {})).items[0].next[0].id
    expect(await callAs(w.admin, councilFn.drawTie, { electionId, sessionId })).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_STARTED' } })
    await sdkDb().collection('events').doc(sessionId).update({ data: { startAt: Date.now() - 60_000 } })
    // what the admin sends beyond the two ids is dropped: nobody names the winners
    const done = await okAs(w.admin, councilFn.drawTie, { electionId, sessionId, drawn: ['c3', 'c3'] } as never)
    expect(done.status).toBe('closed')
    expect(done.drawn!.names).toHaveLength(2)
    expect(new Set(done.drawn!.names).size).toBe(2)
    expect(done.drawn!.names.every((n) => ['马师傅', '郑老师', '何大哥'].includes(n))).toBe(true)
    expect(done.elected).toEqual(['刘阿姨', ...done.drawn!.names])
    expect(await callAs(w.admin, councilFn.drawTie, { electionId, sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_TIED' } })
    const until = chinaDay(done.drawn!.at + 182 * DAY)
    expect((await okAs(households[1], councilFn.committee, {})).members).toEqual([{ name: '刘阿姨', hasApp: true, until }, ...done.drawn!.names.map((name) => ({ name, hasApp: false, until }))])
  })
})

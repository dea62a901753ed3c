/**
 * The 选题委员会's half-yearly evaluation through the real SDK, in a community of its own: one
 * ballot per household (two phones racing count once), tallies hidden until close, the 60 % rule
 * and the quorum with its one extension; and anonymity tried: after the vote nothing links a
 * ballot to a household.
 */
import { councilFn } from '../../core/council/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, okAs, sdkDb, untilFinal } from '../support/call'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { otherStreet, personIn, type OtherStreet } from '../support/communities'

type Raw = Record<string, unknown>
const all = async (collection: string, where: object) => (await sdkDb().collection(collection).where(where).limit(1000).get()).data as Raw[]

describe('the committee\'s evaluation', () => {
  let s: OtherStreet
  let admin: string
  let room = 200
  const person = (roles: Role[] = ['resident'], extra: Partial<UserDoc> = {}, at: { room?: string } = {}) => personIn(s, roles, { room: at.room ?? String(room++), ...extra })
  const pastDue = (id: string) => sdkDb().collection('council_evaluations').doc(id).update({ data: { closesAt: Date.now() - 1 } })

  let voters: string[]
  let twins: string[]
  let evaluationId: string
  beforeAll(async () => {
    s = await otherStreet()
    admin = await person(['resident', 'admin'], { adminOf: [s.communityId] })
    voters = await Promise.all(Array.from({ length: 11 }, () => person()))
    twins = [await person(['resident'], {}, { room: '909' }), await person(['resident'], {}, { room: '909号' })]
  })

  it('opens for 7 days over the community\'s households; a second cannot open meanwhile', async () => {
    const e = await okAs(admin, councilFn.openEvaluation, {})
    evaluationId = e._id
    const rooms = new Set((await all('users', { communityId: s.communityId })).map((u) => String(u.room ?? '').replace(/号$/, '')).filter(Boolean))
    expect(e).toMatchObject({ status: 'open', extended: false, eligible: rooms.size, quorum: 10, voted: false, tally: null, outcome: null })
    expect(e.closesAt - e.opensAt).toBe(7 * 86_400_000)
    expect(await callAs(admin, councilFn.openEvaluation, {})).toMatchObject({ ok: false, error: { code: 'EVALUATION_OPEN' } })
  })

  it('one ballot per household: 11 households and two phones of one more, all at once → 12 ballots', async () => {
    const choices = ['oppose', 'oppose', 'oppose', 'oppose', 'oppose', 'oppose', 'oppose', 'support', 'support', 'abstain', 'oppose'] as const
    const results = await Promise.all([
      ...voters.map((v, i) => untilFinal(v, councilFn.vote, { evaluationId, choice: choices[i] })),
      ...twins.flatMap((t) => Array.from({ length: 5 }, () => untilFinal(t, councilFn.vote, { evaluationId, choice: 'support' }))),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(12)
    expect(results.filter((r) => !r.ok).map((r) => (r as { error: { code: string } }).error.code)).toEqual(Array(9).fill('ALREADY_VOTED'))
    expect(await all('council_ballots', { evaluationId })).toHaveLength(12)
    expect(await all('council_voted', { evaluationId })).toHaveLength(12)
  })

  it('the tally is hidden from everyone, the admin too, until it closes; each household sees that it voted', async () => {
    expect(await okAs(admin, councilFn.evaluation, {})).toMatchObject({ status: 'open', tally: null, outcome: null, voted: false })
    expect(await okAs(voters[0], councilFn.evaluation, {})).toMatchObject({ voted: true, tally: null })
    expect(await okAs(twins[1], councilFn.evaluation, {})).toMatchObject({ voted: true })
    // not due yet: closing leaves it open
    expect(await okAs(admin, councilFn.closeEvaluation, {})).toMatchObject({ status: 'open', tally: null })
  })

  it('anonymity, tried: a ballot holds its evaluation, community and choice only; nothing in a "voted" record narrows which ballot is its household\'s', async () => {
    const ballots = await all('council_ballots', { evaluationId })
    const voted = await all('council_voted', { evaluationId })
    for (const b of ballots) {
      expect(Object.keys(b).sort()).toEqual(['_id', 'choice', 'communityId', 'evaluationId'])
      expect(b._id).toMatch(/^[0-9a-f]{24}$/)
    }
    for (const v of [...voted, ...(await all('council_voters', { evaluationId }))]) expect(Object.keys(v).sort()).toEqual(['_id', 'communityId', 'evaluationId'])
    const people = [...voters, ...twins]
    const text = JSON.stringify(ballots)
    // no openid or household / person hash (the voted ids' tails) in any ballot
    for (const p of people) expect(text).not.toContain(p)
    for (const v of [...voted, ...(await all('council_voters', { evaluationId }))]) expect(text).not.toContain(String(v._id).slice(evaluationId.length + 1))
    // no time either: every value of a ballot is one of its three strings (no number at all)
    for (const b of ballots) expect(Object.values(b).every((v) => typeof v === 'string')).toBe(true)
    // every field a voted record shares with a ballot has the same value in every ballot: no ballot is singled out
    for (const v of voted) {
      const shared = Object.keys(v).filter((k) => k !== '_id' && k in ballots[0])
      expect(ballots.filter((b) => shared.every((k) => b[k] === v[k]))).toHaveLength(ballots.length)
    }
  })

  it('closed when due: more than 60 % oppose (8 of 12) → the committee is re-elected; the tally is shown; no vote after', async () => {
    await pastDue(evaluationId)
    expect(await okAs(admin, councilFn.closeEvaluation, {})).toMatchObject({ status: 'closed', tally: { support: 3, oppose: 8, abstain: 1 }, outcome: 'reelect' })
    expect(await okAs(voters[3], councilFn.evaluation, {})).toMatchObject({ tally: { oppose: 8 }, outcome: 'reelect', voted: true })
    expect(await callAs(await person(), councilFn.vote, { evaluationId, choice: 'support' })).toMatchObject({ ok: false, error: { code: 'EVALUATION_CLOSED' } })
  })

  it('without a quorum it is extended once by 7 days, then void', async () => {
    const e = await okAs(admin, councilFn.openEvaluation, {})
    await okAs(voters[0], councilFn.vote, { evaluationId: e._id, choice: 'oppose' })
    await pastDue(e._id)
    const extended = await okAs(admin, councilFn.closeEvaluation, {})
    expect(extended).toMatchObject({ status: 'open', extended: true, tally: null })
    expect(extended!.closesAt).toBeGreaterThan(Date.now() + 6 * 86_400_000)
    await pastDue(e._id)
    expect(await okAs(admin, councilFn.closeEvaluation, {})).toMatchObject({ status: 'closed', outcome: 'void', tally: { oppose: 1, support: 0, abstain: 0 } })
  })

  it('a person who changes the room in their profile does not vote twice', async () => {
    const e = await okAs(admin, councilFn.evaluation, {})
    const open = e?.status === 'open' ? e : await okAs(admin, councilFn.openEvaluation, {})
    const mover = await person()
    await okAs(mover, councilFn.vote, { evaluationId: open._id, choice: 'support' })
    await sdkDb().collection('users').doc(mover).update({ data: { room: '999' } })
    expect(await callAs(mover, councilFn.vote, { evaluationId: open._id, choice: 'oppose' })).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } })
    expect(await all('council_ballots', { evaluationId: open._id })).toHaveLength(1)
    await pastDue(open._id)
    await okAs(admin, councilFn.closeEvaluation, {})
    await pastDue(open._id)
    expect(await okAs(admin, councilFn.closeEvaluation, {})).toMatchObject({ status: 'closed', outcome: 'void' })
  })

  it('another community\'s household cannot vote in it; without a room, no vote', async () => {
    const e = await okAs(admin, councilFn.openEvaluation, {})
    expect(await callAs(PERSONAS.residentWang.openid, councilFn.vote, { evaluationId: e._id, choice: 'oppose' })).toMatchObject({ ok: false, error: { code: 'EVALUATION_UNKNOWN' } })
    expect(await callAs(await person(['resident'], {}, { room: '' }), councilFn.vote, { evaluationId: e._id, choice: 'oppose' })).toMatchObject({ ok: false, error: { code: 'NO_HOUSEHOLD' } })
    expect(await all('council_ballots', { evaluationId: e._id })).toEqual([])
  })
})

import type { Role } from '../contract/roles'
import { actorsOf, canDo, newCase, outcomeRecorders, stepFor, stillDue, type DisputeDoc } from './case'
import { aCaller } from '../orders/fixtures'
import type { DisputeStatus } from './machine'

const base: DisputeDoc = {
  ...newCase({ _id: 'd1', communityId: 'c1', streetId: 's1', gridId: 'g1', source: 'applied', category: 'leak', title: '漏水', detail: '楼上漏水', reportedBy: 'p1', reportedByName: '甲', reportedFor: null, origin: null, parties: [], households: [], reportedAt: 0, by: 'p1', note: '' }),
  partyIds: ['p1', 'p2'],
  mediators: [{ id: 'm1', kind: 'volunteer', name: '许伯', title: '银发先锋', phone: '13900000000', openid: 'm1' }],
  mediatorIds: ['m1'],
}
const at = (status: DisputeStatus, over: Partial<DisputeDoc> = {}): DisputeDoc => ({ ...base, status, ...over })
const who = (openid: string, roles: Role[], grids: string[] = []) =>
  aCaller({ openid, roles, scopes: { grids, buildings: roles.includes('building_lead') ? ['b1'] : [], staffOf: grids.length ? ['c1'] : [], adminOf: roles.includes('admin') ? ['c1'] : [] } })
const staff = who('s1', ['resident', 'staff'], ['g1'])

describe('the actors a caller stands as', () => {
  it('makes the reporting party the reporter and nothing else', () => {
    expect(actorsOf(who('p1', ['resident']), base)).toEqual(['reporter'])
    expect(actorsOf(who('p2', ['resident']), base)).toEqual([])
  })

  it('never lets a party act as staff or mediator on their own case', () => {
    expect(actorsOf(who('p2', ['resident', 'staff'], ['g1']), base)).toEqual([])
    expect(actorsOf(who('p2', ['resident', 'admin']), base)).toEqual([])
  })

  it('treats whoever lives with a party as one: they handle nothing of the case', () => {
    const d = at('reported', { householdIds: ['s1'] })
    expect(actorsOf(staff, d)).toEqual([])
    expect(actorsOf(who('s2', ['resident', 'staff'], ['g1']), d)).toEqual(['staff'])
  })

  it('lets the grid staff record for a mediator without the app, and not otherwise', () => {
    expect(actorsOf(staff, base)).toEqual(['staff'])
    const lawyer = { id: 'r1', kind: 'professional' as const, name: '钱律师', title: '律师', phone: '13600000000', openid: null }
    expect(actorsOf(staff, at('mediating', { mediators: [lawyer], mediatorIds: [] }))).toEqual(['staff', 'mediator'])
  })

  it('gives a 楼栋长 who reported for a neighbour the reporter and no more', () => {
    const d = at('reported', { reportedBy: 'lead', reportedFor: 'b1', partyIds: ['p2'] })
    expect(actorsOf(who('lead', ['resident', 'building_lead']), d)).toEqual(['reporter'])
    // no longer the building's 楼栋长: nothing left to do on it (and, as access.ts says, nothing to see)
    expect(actorsOf(who('lead', ['resident']), d)).toEqual([])
  })
})

describe('a step', () => {
  it('takes the first of the events the case can take, for an actor allowed it', () => {
    expect(stepFor(['staff'], at('accepted'), ['START', 'RESUME'])).toEqual({ event: 'START', to: 'mediating' })
    expect(stepFor(['staff'], at('breached'), ['START', 'RESUME'])).toEqual({ event: 'RESUME', to: 'mediating' })
  })

  it('says FORBIDDEN when the case could take it from someone else, BAD_STATE when from nobody', () => {
    expect(stepFor(['reporter'], at('mediating'), ['AGREE'])).toEqual({ refused: 'FORBIDDEN' })
    expect(stepFor(['mediator'], at('reported'), ['AGREE'])).toEqual({ refused: 'BAD_STATE' })
  })
})

describe('what the page offers', () => {
  it.each([
    ['reported', staff, ['accept', 'decline']],
    ['reported', who('p1', ['resident']), ['withdraw']],
    ['mediating', who('m1', ['resident', 'volunteer']), ['agree', 'fail', 'addSession']],
    ['mediating', staff, ['addSession']],
    ['performing', who('m1', ['resident', 'volunteer']), ['performance']],
    ['breached', staff, ['mediate', 'refer']],
    ['fulfilled', staff, ['followUp']],
    ['closed', staff, []],
  ] as const)('%s, to %o', (status, c, can) => {
    expect(canDo(c, at(status))).toEqual(can)
  })

  it('offers the agreement photo only while a written agreement lacks it', () => {
    const m = who('m1', ['resident', 'volunteer'])
    const agreement = { written: true, terms: '修好', performBy: '2030-01-01', photo: null, at: 0, judicialRemindAt: null }
    expect(canDo(m, at('agreed', { agreement }))).toEqual(['attachAgreement'])
    expect(canDo(m, at('agreed', { agreement: { ...agreement, photo: 'cloud://x/disputes/a.jpg' } }))).toEqual([])
  })
})

describe('a new case', () => {
  it('lets the parties with the app see it, once each, and has decided nothing', () => {
    const parties = [
      { name: '甲', phone: null, side: 'applicant' as const, buildingId: null, room: '', openid: 'p1' },
      { name: '乙', phone: null, side: 'respondent' as const, buildingId: null, room: '', openid: null },
      { name: '甲', phone: null, side: 'applicant' as const, buildingId: null, room: '', openid: 'p1' },
    ]
    const d = newCase({ ...base, parties, households: ['p1', 'h1', 'h1'], by: 'p1', note: '' })
    expect(d).toMatchObject({ status: 'reported', partyIds: ['p1'], householdIds: ['h1'], mediatorIds: [], agreement: null, reached: { reported: 0 } })
  })
})

describe('the timer\'s work, still due', () => {
  it('sends no 司法确认 reminder for a case withdrawn or declined', () => {
    expect(['performing', 'breached', 'mediating', 'closed'].every((st) => stillDue('judicialRemindAt', st as never))).toBe(true)
    expect(stillDue('judicialRemindAt', 'withdrawn')).toBe(false)
    expect(stillDue('judicialRemindAt', 'declined')).toBe(false)
  })
  it('asks for the 回访 only of a case with an outcome to ask about', () => {
    expect(['fulfilled', 'failed', 'referred', 'performing', 'agreed'].every((st) => stillDue('followUpTellAt', st as never))).toBe(true)
    expect(['mediating', 'closed', 'withdrawn', 'breached'].some((st) => stillDue('followUpTellAt', st as never))).toBe(false)
  })
})

describe('who does not do the 回访', () => {
  it('is whoever mediated, or recorded the agreement or the failure for a mediator without the app', () => {
    const timeline = [
      { at: 1, by: 's1', event: 'AGREE', note: '' },
      { at: 2, by: 's2', event: 'FULFIL', note: '' },
    ]
    expect([...outcomeRecorders({ ...base, timeline })].sort()).toEqual(['m1', 's1'])
  })
})

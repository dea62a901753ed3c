import { DAY_MS } from '../china-time'
import { machineCases } from '../contract/machine-cases'
import { CLAIM_EVENT_ACTORS, claimExpiresAt, claimMachine, claimProblem, WISH_ACTORS, WISH_EVENT_ACTORS, wishAfterClaims, wishMachine } from './machine'

describe('wish machine', () => {
  machineCases(wishMachine, WISH_ACTORS, WISH_EVENT_ACTORS, 'draft', ['rejected', 'thanked', 'withdrawn'])
})

describe('claim machine', () => {
  machineCases(claimMachine, ['donor', 'staff', 'system'] as const, CLAIM_EVENT_ACTORS, 'held', ['cancelled', 'expired', 'received'])
})

describe('claims', () => {
  const open = { status: 'published' as const, sharesLeft: 1, shares: 1, openClaims: 0 }
  it('hold for 7 days', () => expect(claimExpiresAt(1000)).toBe(1000 + 7 * DAY_MS))
  it('need shares left, a published wish, and fewer than 3 open claims of the donor', () => {
    expect(claimProblem(open)).toBeNull()
    expect(claimProblem({ ...open, shares: 2 })).toBe('NO_SHARES_LEFT')
    expect(claimProblem({ ...open, shares: 0 })).toBe('NO_SHARES_LEFT')
    expect(claimProblem({ ...open, sharesLeft: 0 })).toBe('NO_SHARES_LEFT')
    expect(claimProblem({ ...open, openClaims: 2 })).toBeNull()
    expect(claimProblem({ ...open, openClaims: 3 })).toBe('TOO_MANY_CLAIMS')
    expect(claimProblem({ ...open, status: 'claimed' })).toBe('WISH_NOT_OPEN')
  })
  it('a wish is claimed when every share is held, published again when one lapses', () => {
    expect(wishAfterClaims('published', 2, 3)).toBe('published')
    expect(wishAfterClaims('published', 3, 3)).toBe('claimed')
    expect(wishAfterClaims('claimed', 2, 3)).toBe('published')
    expect(wishAfterClaims('received', 2, 3)).toBe('received')
  })
})

import { anOrder, T0 } from './fixtures'
import { STREET_CLOCKS, streetClock } from './street'

const H = 3_600_000
const SINCE = T0 + 5 * H
const RESPOND = SINCE + STREET_CLOCKS.respondHours * H
const SOLVE = SINCE + STREET_CLOCKS.solveHours * H

const escalated = (answeredAt: number | null = null) =>
  anOrder({ status: 'escalated', updatedAt: SINCE, street: { since: SINCE, answeredAt, answer: answeredAt === null ? null : '已协调', by: answeredAt === null ? null : 'sa' } })

describe('the street office\'s clocks', () => {
  it('a day to answer and a week to close, from when it was sent up', () => {
    expect(STREET_CLOCKS).toEqual({ respondHours: 24, solveHours: 168 })
    expect(streetClock(escalated(), SINCE)).toEqual({ respondBy: RESPOND, solveBy: SOLVE, respondLate: false, solveLate: false })
  })
  it('unanswered: on time up to the deadline itself, late one millisecond after', () => {
    expect(streetClock(escalated(), RESPOND).respondLate).toBe(false)
    expect(streetClock(escalated(), RESPOND + 1).respondLate).toBe(true)
  })
  it('answered: judged by when it was answered, whatever the time now', () => {
    expect(streetClock(escalated(RESPOND), RESPOND + 100 * H).respondLate).toBe(false)
    expect(streetClock(escalated(RESPOND + 1), RESPOND + 1).respondLate).toBe(true)
  })
  it('still open: late to solve only after the week', () => {
    expect(streetClock(escalated(SINCE + H), SOLVE).solveLate).toBe(false)
    expect(streetClock(escalated(SINCE + H), SOLVE + 1).solveLate).toBe(true)
  })
  it('closed: judged by when it was closed', () => {
    const closed = (at: number) => ({ ...escalated(SINCE + H), status: 'closed' as const, updatedAt: at })
    expect(streetClock(closed(SOLVE), SOLVE + 100 * H).solveLate).toBe(false)
    expect(streetClock(closed(SOLVE + 1), SOLVE + 1).solveLate).toBe(true)
  })
  it('other clocks may be given', () => {
    expect(streetClock(escalated(), SINCE + 2 * H + 1, { respondHours: 2, solveHours: 4 })).toEqual({
      respondBy: SINCE + 2 * H,
      solveBy: SINCE + 4 * H,
      respondLate: true,
      solveLate: false,
    })
  })
  it('without a street case the clocks run from the last change', () => {
    expect(streetClock(anOrder({ status: 'escalated', updatedAt: SINCE, street: null }), SINCE).respondBy).toBe(RESPOND)
  })
})

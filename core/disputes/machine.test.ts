import { chinaInstant, DAY_MS } from '../china-time'
import { machineCases } from '../contract/machine-cases'
import { DISPUTE_ACTORS, DISPUTE_EVENT_ACTORS, disputeMachine, followUpDueAt, judicialReminderAt } from './machine'

describe('dispute machine', () => {
  machineCases(disputeMachine, DISPUTE_ACTORS, DISPUTE_EVENT_ACTORS, 'reported', ['closed', 'declined', 'withdrawn'])

  it('the reporter withdraws until an agreement, not after', () => {
    for (const s of ['reported', 'accepted', 'mediating'] as const) expect(disputeMachine.step(s, 'WITHDRAW', 'reporter')).toEqual({ ok: true, to: 'withdrawn' })
    for (const s of ['agreed', 'performing', 'breached'] as const) expect(disputeMachine.step(s, 'WITHDRAW', 'reporter')).toEqual({ ok: false, code: 'BAD_STATE' })
  })
  it('a breach goes back to mediating or is referred; only a mediator records the outcome of mediation', () => {
    expect(disputeMachine.step('breached', 'RESUME', 'staff')).toEqual({ ok: true, to: 'mediating' })
    expect(disputeMachine.step('breached', 'REFER', 'staff')).toEqual({ ok: true, to: 'referred' })
    expect(disputeMachine.step('mediating', 'AGREE', 'staff')).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('dispute timers', () => {
  const agreed = chinaInstant({ y: 2027, m: 2, d: 20, h: 15 })
  it('司法确认: reminded on day 20 of the 30 after a written agreement; none for an oral one', () => {
    expect(judicialReminderAt(agreed, true)).toBe(agreed + 20 * DAY_MS)
    expect(judicialReminderAt(agreed, false)).toBeNull()
  })
  it('the 回访 falls due at the end of the third day after the performance date (China days, across a month end)', () => {
    expect(followUpDueAt('2027-02-27')).toBe(chinaInstant({ y: 2027, m: 3, d: 3 }))
    expect(followUpDueAt('2028-02-27')).toBe(chinaInstant({ y: 2028, m: 3, d: 2 }))
  })
})

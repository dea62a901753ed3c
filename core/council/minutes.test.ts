import { chinaInstant, DAY_MS } from '../china-time'
import { afterDecision, confirmMinutes, dueEnd, implementedOnTime, objectionsOpen, progressOf, type Confirmations } from './minutes'

const none: Confirmations = { host: null, member: null }

describe('confirming minutes', () => {
  it('publishes once the host and a member, two different people, have confirmed, in either order', () => {
    const a = confirmMinutes('draft', none, { role: 'host', by: 'h' }, 1)
    expect(a).toMatchObject({ ok: true, publish: false })
    const b = confirmMinutes('draft', a.ok ? a.confirmations : none, { role: 'member', by: 'm', name: '陈委员' }, 2)
    expect(b).toEqual({ ok: true, publish: true, confirmations: { host: { by: 'h', at: 1 }, member: { by: 'm', name: '陈委员', at: 2 } } })
    const c = confirmMinutes('draft', none, { role: 'member', by: 'm', name: '陈委员' }, 1)
    expect(confirmMinutes('draft', c.ok ? c.confirmations : none, { role: 'host', by: 'h' }, 2)).toMatchObject({ ok: true, publish: true })
  })

  it('refuses the same person twice over, a second confirmation of a role, and published minutes', () => {
    const host = { host: { by: 'h', at: 1 }, member: null }
    expect(confirmMinutes('draft', host, { role: 'member', by: 'h', name: '李大爷' }, 2)).toEqual({ ok: false, code: 'SAME_PERSON' })
    expect(confirmMinutes('draft', host, { role: 'host', by: 'h' }, 2)).toEqual({ ok: false, code: 'ALREADY_CONFIRMED' })
    expect(confirmMinutes('published', none, { role: 'host', by: 'h' }, 2)).toEqual({ ok: false, code: 'MINUTES_PUBLISHED' })
  })
})

describe('公示', () => {
  it('takes objections for 7 days from publishing, not a millisecond more', () => {
    expect(objectionsOpen(null, 5)).toBe(false)
    expect(objectionsOpen(1000, 1000)).toBe(true)
    expect(objectionsOpen(1000, 1000 + 7 * DAY_MS - 1)).toBe(true)
    expect(objectionsOpen(1000, 1000 + 7 * DAY_MS)).toBe(false)
  })
})

describe('progress and 落实', () => {
  const due = '2027-03-31'
  const end = chinaInstant({ y: 2027, m: 4, d: 1 })
  it('the due day ends at China midnight', () => expect(dueEnd(due)).toBe(end))
  it('counts actions done of all; no actions is complete', () => {
    expect(progressOf([{ doneAt: 1 }, { doneAt: null }, { doneAt: 3 }])).toEqual({ done: 2, all: 3 })
    expect(progressOf([])).toEqual({ done: 0, all: 0 })
  })
  it('is 落实 only when every action was done by the end of its due day', () => {
    expect(implementedOnTime([{ kind: 'orders', due, doneAt: end - 1 }])).toBe(true)
    expect(implementedOnTime([{ kind: 'orders', due, doneAt: end }])).toBe(false)
    expect(implementedOnTime([{ kind: 'rule', due, doneAt: 5 }, { kind: 'event', due, doneAt: null }])).toBe(false)
  })
  it('a decided topic is under way, or done when nothing is left to do; a deferred one is deferred', () => {
    expect(afterDecision('decided', [{ doneAt: null }])).toBe('in_progress')
    expect(afterDecision('decided', [{ doneAt: 5 }])).toBe('done')
    expect(afterDecision('decided', [])).toBe('done')
    expect(afterDecision('deferred', [{ doneAt: null }])).toBe('deferred')
  })
})

import { DEFAULT_SLA } from './sla'
import { slaSchema } from './sla-schema'

describe('slaSchema', () => {
  it('accepts the built-in default unchanged', () => {
    expect(slaSchema.parse(DEFAULT_SLA)).toEqual(DEFAULT_SLA)
  })
  it.each([
    ['zero hours', { ...DEFAULT_SLA, byUrgency: { ...DEFAULT_SLA.byUrgency, urgent: { triage: 0, accept: 2, serve: 24 } } }],
    ['over 30 days', { ...DEFAULT_SLA, byUrgency: { ...DEFAULT_SLA.byUrgency, normal: { triage: 24, accept: 721, serve: 72 } } }],
    ['fractions', { ...DEFAULT_SLA, byUrgency: { ...DEFAULT_SLA.byUrgency, normal: { triage: 0.5, accept: 48, serve: 72 } } }],
    ['a missing stage', { byUrgency: { urgent: { triage: 1, accept: 2 }, normal: DEFAULT_SLA.byUrgency.normal } }],
    ['an unknown category', { ...DEFAULT_SLA, byCategory: { spaceship: { urgent: { triage: 2 } } } }],
    ['an unknown urgency', { ...DEFAULT_SLA, byCategory: { legal: { someday: { triage: 2 } } } }],
  ])('refuses %s', (_what, input) => {
    expect(slaSchema.safeParse(input).success).toBe(false)
  })
  it('category overrides may name only some stages', () => {
    expect(slaSchema.parse({ ...DEFAULT_SLA, byCategory: { housekeeping: { urgent: { serve: 4 } } } }).byCategory).toEqual({ housekeeping: { urgent: { serve: 4 } } })
  })
})

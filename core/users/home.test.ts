import type { EventDoc, RegistrationDoc } from '../events/model'
import { eventsToday } from './home'

// 2026-12-04 10:00 in China (02:00 UTC)
const NOW = Date.UTC(2026, 11, 4, 2)
const H = 3600e3
const event = (id: string, startAt: number, endAt = startAt + 2 * H, status: EventDoc['status'] = 'published') =>
  ({ _id: id, title: `活动${id}`, place: '活动室', startAt, endAt, status }) as EventDoc
const reg = (eventId: string, status: RegistrationDoc['status'] = 'registered') => ({ eventId, status }) as RegistrationDoc

describe('home: events today', () => {
  it('shows today’s events in China time, soonest first, and ones running now', () => {
    const events = [
      event('late', Date.UTC(2026, 11, 4, 15, 30)), // 23:30 China, still today
      event('morning', NOW + H),
      event('running', NOW - 26 * H, NOW + H), // began yesterday, on till 11:00
      event('tomorrow', Date.UTC(2026, 11, 4, 16, 30)), // 00:30 China on the 5th
    ]
    const regs = [reg('late'), reg('morning'), reg('running', 'attended'), reg('tomorrow')]
    expect(eventsToday(events, regs, NOW).map((e) => [e.id, e.checkedIn])).toEqual([
      ['running', true],
      ['morning', false],
      ['late', false],
    ])
  })

  it('leaves out what is over, cancelled, only waitlisted or given up', () => {
    const events = [event('over', NOW - 3 * H), event('off', NOW + H, NOW + 2 * H, 'cancelled'), event('waiting', NOW + H), event('gone', NOW + H), event('missing', NOW + H)]
    const regs = [reg('over'), reg('off'), reg('waiting', 'waiting'), reg('gone', 'cancelled'), reg('nowhere')]
    expect(eventsToday(events, regs, NOW)).toEqual([])
  })
})

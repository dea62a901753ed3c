import { eventIdOf, posterScene, shareCard } from './share'
import { fromPicked } from './times'

const event = { id: 'emiz3k2a1b2c3', title: '重阳节义诊', place: '社区活动室', startAt: fromPicked({ date: '2026-12-08', time: '14:30' }), status: 'published' }

describe('sharing an event', () => {
  it('the card says what, when in China time and where, and opens the event page', () => {
    expect(shareCard(event)).toEqual({ title: '重阳节义诊｜12月8日 周二 14:30｜社区活动室', path: '/pages/events/detail/index?id=emiz3k2a1b2c3' })
  })

  it('a cancelled event says so on the card', () => {
    expect(shareCard({ ...event, status: 'cancelled' }).title).toMatch(/^（已取消）重阳节义诊/)
  })

  it('a poster code brings the event id back through its scene', () => {
    const scene = posterScene(event.id)
    expect(scene.length).toBeLessThanOrEqual(32)
    expect(eventIdOf({ scene: encodeURIComponent(scene) })).toBe(event.id)
    expect(eventIdOf({ id: 'e1', scene: 'e2' })).toBe('e1')
    expect(eventIdOf({})).toBe('')
    expect(eventIdOf({ scene: '%E0%A4%A' })).toBe('')
  })
})

import { defaultDeadline, fromPicked, START_SLACK_MS, timeProblems, toPicked } from './times'

// Friday 2026-12-04 10:00 in China
const NOW = Date.UTC(2026, 11, 4, 2)
const at = (date: string, time: string) => fromPicked({ date, time })

describe('event times', () => {
  it('a picked date and time are China time, whatever the phone’s zone, and back', () => {
    expect(at('2026-12-08', '14:30')).toBe(Date.UTC(2026, 11, 8, 6, 30))
    expect(toPicked(Date.UTC(2026, 11, 8, 6, 30))).toEqual({ date: '2026-12-08', time: '14:30' })
    // just after midnight in China is still the day before in UTC
    expect(toPicked(Date.UTC(2026, 11, 7, 16, 5))).toEqual({ date: '2026-12-08', time: '00:05' })
  })

  it('next Tuesday 14:30 to 16:30, sign-up until Monday 18:00: in order', () => {
    expect(timeProblems({ startAt: at('2026-12-08', '14:30'), endAt: at('2026-12-08', '16:30'), deadline: at('2026-12-07', '18:00') }, NOW)).toEqual([])
  })

  it('sign-up closes at the start, or at the end for an event that has begun', () => {
    const start = at('2026-12-08', '14:30')
    expect(defaultDeadline({ startAt: start, endAt: start + 7200e3 }, NOW)).toBe(start)
    expect(defaultDeadline({ startAt: NOW - 60e3, endAt: NOW + 7200e3 }, NOW)).toBe(NOW + 7200e3)
    expect(defaultDeadline({ startAt: NOW, endAt: NOW + 7200e3 }, NOW)).toBe(NOW + 7200e3)
  })

  it('says what is out of order, at the field', () => {
    const start = at('2026-12-08', '14:30')
    expect(timeProblems({ startAt: start, endAt: start, deadline: start }, NOW)).toEqual([{ path: 'endAt', code: 'END_BEFORE_START', message: '结束时间要晚于开始时间' }])
    expect(timeProblems({ startAt: start, endAt: start + 3600e3, deadline: start + 7200e3 }, NOW)).toEqual([{ path: 'deadline', code: 'DEADLINE_AFTER_END', message: '报名截止不能晚于活动结束' }])
    expect(timeProblems({ startAt: NOW - START_SLACK_MS - 1, endAt: NOW + 3600e3, deadline: NOW - 60e3 }, NOW)).toEqual([
      { path: 'startAt', code: 'START_IN_PAST', message: '开始时间已经过去了，请选现在或以后的时间' },
      { path: 'deadline', code: 'DEADLINE_PAST', message: '报名截止时间已经过去了，请选以后的时间' },
    ])
    // "马上开始" a few minutes after the form was opened is fine
    expect(timeProblems({ startAt: NOW - 5 * 60e3, endAt: NOW + 3600e3, deadline: NOW + 60e3 }, NOW)).toEqual([])
  })

  it('editing a running event may keep its past start and deadline, not move them into the past', () => {
    const before = { startAt: NOW - 3600e3, endAt: NOW + 3600e3, deadline: NOW - 1800e3 }
    expect(timeProblems({ ...before, endAt: NOW + 7200e3 }, NOW, before)).toEqual([])
    expect(timeProblems({ ...before, startAt: NOW - 7200e3 }, NOW, before).map((p) => p.path)).toEqual(['startAt'])
  })
})

import { DateTime } from '@/components/date-time'
import { defaultDeadline, fromPicked, toPicked, type EventTimes } from '@core/events/times'
import { DAY_MS as DAY } from '@core/china-time'

/**
 * Start, end and sign-up deadline. Moving the start moves the end with it (same length) and the
 * deadline too until it was picked by hand; the server says at each field what is out of order.
 */
export function TimeFields({ times, deadlineTouched, error, onChange }: { times: EventTimes; deadlineTouched: boolean; error: unknown; onChange: (t: EventTimes, deadlineTouched: boolean) => void }) {
  const moveStart = (startAt: number) => {
    const endAt = times.endAt + (startAt - times.startAt)
    onChange({ startAt, endAt, deadline: deadlineTouched ? times.deadline : defaultDeadline({ startAt, endAt }) }, deadlineTouched)
  }
  return (
    <>
      <DateTime label='开始' path='startAt' at={times.startAt} error={error} testId='start' onChange={moveStart} />
      <DateTime label='结束' path='endAt' at={times.endAt} error={error} testId='end' onChange={(endAt) => onChange({ ...times, endAt }, deadlineTouched)} />
      <DateTime label='报名截止' path='deadline' at={times.deadline} error={error} testId='deadline' onChange={(deadline) => onChange({ ...times, deadline }, true)} />
    </>
  )
}

/** Quick starts for the usual cases; the pickers above are for any other time. */
export function quickStart(choice: 'now' | 'tomorrow9' | 'today14', now = Date.now()): number {
  if (choice === 'now') return Math.floor(now / 60e3) * 60e3
  const today = toPicked(now).date
  if (choice === 'today14') return fromPicked({ date: today, time: '14:00' })
  return fromPicked({ date: toPicked(now + DAY).date, time: '09:00' })
}

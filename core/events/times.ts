/**
 * An event's times as staff pick them: a date and a time of day in China time (pickers give
 * 'YYYY-MM-DD' and 'HH:mm'), and the rules they must keep, each at its field. Pure: the publish and
 * edit forms check with it before sending, the server checks with it again.
 */
import type { FieldIssue } from '../contract/errors'
import { chinaClock, chinaDay, chinaInstant, chinaParts } from '../china-time'

/** "马上开始": the few minutes between filling in the form and tapping 发布. */
export const START_SLACK_MS = 10 * 60 * 1000

export interface Picked {
  date: string // 'YYYY-MM-DD'
  time: string // 'HH:mm'
}

/** The moment a date and time in China mean (whatever the phone's time zone). */
export function fromPicked({ date, time }: Picked): number {
  const [y, m, d] = date.split('-').map(Number)
  const [h, min] = time.split(':').map(Number)
  return chinaInstant({ y, m, d, h, min })
}

/** A moment as the date and time a picker in China shows. */
export function toPicked(at: number): Picked {
  return { date: chinaDay(at), time: chinaClock(at) }
}

const WEEKDAYS = '日一二三四五六'

/** '12月8日 周二' for a picker's 'YYYY-MM-DD' (a China date). */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${m}月${d}日 周${WEEKDAYS[chinaParts(chinaInstant({ y, m, d })).weekday]}`
}

export interface EventTimes {
  startAt: number
  endAt: number
  deadline: number
}

export const TIME_MESSAGES = {
  START_IN_PAST: '开始时间已经过去了，请选现在或以后的时间',
  END_BEFORE_START: '结束时间要晚于开始时间',
  DEADLINE_AFTER_END: '报名截止不能晚于活动结束',
  DEADLINE_PAST: '报名截止时间已经过去了，请选以后的时间',
} as const

export type TimeCode = keyof typeof TIME_MESSAGES
export interface TimeProblem extends FieldIssue {
  code: TimeCode
}

/**
 * Where sign-up closes unless staff pick it: at the start, or at the end for an event that has
 * already begun ("马上开始": people sign up as they arrive).
 */
export function defaultDeadline(t: Pick<EventTimes, 'startAt' | 'endAt'>, now = Date.now()): number {
  return t.startAt > now ? t.startAt : t.endAt
}

const problem = (path: keyof EventTimes, code: TimeCode): TimeProblem => ({ path, code, message: TIME_MESSAGES[code] })

/**
 * What is wrong with these times, each at its field. `before` is the event as it was (editing):
 * a start or deadline that was already in the past may stay as it was (the event is running).
 */
export function timeProblems(t: EventTimes, now: number, before?: EventTimes): TimeProblem[] {
  const out: TimeProblem[] = []
  if (t.startAt < now - START_SLACK_MS && t.startAt !== before?.startAt) out.push(problem('startAt', 'START_IN_PAST'))
  if (t.endAt <= t.startAt) out.push(problem('endAt', 'END_BEFORE_START'))
  if (t.deadline > t.endAt) out.push(problem('deadline', 'DEADLINE_AFTER_END'))
  else if (t.deadline < now && t.deadline !== before?.deadline) out.push(problem('deadline', 'DEADLINE_PAST'))
  return out
}

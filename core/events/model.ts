/**
 * Community events as stored. Contention by design: capacity is a set of seat documents with known
 * ids (`seat:<eventId>:<n>`), each claimed by at most one registration, so 500 simultaneous sign-ups
 * spread over 30 documents instead of piling onto one counter, and overbooking is impossible by
 * construction. A registration is `reg:<eventId>:<openid>` (one per person per event).
 */
import { keysOf } from '../contract/vocab'
import { timeKey } from '../contract/paging'

export const EVENT_KIND_LABELS = {
  clinic: '义诊',
  haircut: '义剪',
  stage: '文艺小舞台',
  council: '议事会',
  volunteer_day: '志愿服务',
  other: '其他活动',
}
export const EVENT_KINDS = keysOf(EVENT_KIND_LABELS)
export type EventKind = (typeof EVENT_KINDS)[number]

export type Audience = { kind: 'everyone' } | { kind: 'grid'; gridId: string } | { kind: 'volunteers' }

export interface Booth {
  giftId: string
  /** Stock allocated to this event's booth from the gift's total. */
  stock: number
  /** Units given back to the gift's stock when the event was cancelled. */
  returned?: number
}

export interface EventDoc {
  _id: string
  communityId: string
  streetId: string
  kind: EventKind
  title: string
  place: string
  startAt: number
  /** timeKey(startAt, id), kept with startAt: the order of the events lists. */
  startKey: string
  endAt: number
  /** Sign-up and cancellation close here. */
  deadline: number
  capacity: number
  audience: Audience
  /** Attendance points, credited once per person at check-in. */
  points: number
  booths: Booth[]
  status: 'published' | 'cancelled'
  /** Secret for the rotating check-in code and attendees' personal codes (never sent to residents). */
  secret: string
  createdBy: string
  createdAt: number
  /** Set by timers, so each runs once per event. */
  remindedAt?: number
  closedAt?: number
  updatedAt?: number
  /** Cancelled by staff (status 'cancelled'): when, by whom, why; booth stock given back once. */
  cancelledAt?: number
  cancelledBy?: string
  cancelReason?: string
  stockReturnedAt?: number
  /** the poster code (wxacode) in cloud storage, made once on first request */
  posterFileId?: string
  /** A 议事 session: the series that made it (cloudfunctions/council). */
  seriesId?: string
}

export type RegStatus = 'registered' | 'waiting' | 'cancelled' | 'attended' | 'no_show'

export interface RegistrationDoc {
  _id: string
  communityId: string
  eventId: string
  openid: string
  name: string
  /** Family members coming along; each takes a seat. */
  family: number
  status: RegStatus
  seats: string[]
  /** Waitlist order: server time of joining, then a random tie-breaker. */
  waitAt?: number
  waitSeq?: number
  walkIn?: boolean
  /** Staff member who added the walk-in. */
  walkInBy?: string
  /** Attendance points credited at check-in (0 when none: no points, daily cap, staff of the event). */
  awarded?: number
  /** Granted a one-time subscribe message for the reminder. */
  subscribed?: boolean
  /** The attendee's check-in QR (`LINLI:CI:<token>`): random, names nobody (core/events/checkin-code.ts). */
  ciToken?: string
  checkedInAt?: number
  checkedInBy?: string
  createdAt: number
  updatedAt: number
  /** timeKey(createdAt, id): when the person signed up. */
  sortKey: string
  /** regStartKey(event's startAt, id): "my sign-ups" in the order of the events' dates. */
  eventStartKey?: string
}

export interface SeatDoc {
  _id: string
  eventId: string
  n: number
  /** Registration id holding it, or null when free. */
  holder: string | null
}

// event notices (promoted from the waitlist, reminders) have the orders inbox's shape; wrong
// rotating codes per person per event (`tries:<eventId>:<openid>`) outlive a cancelled sign-up;
// walk-ins per staff member (`walkins:<eventId>:<openid>`) are checked against the limit
export { CODE_TRIES, EVENT_NOTICES, EVENTS, REGISTRATIONS, SEATS, WALKINS } from '../collections'

export interface CounterDoc {
  _id: string
  count: number
}

export const regId = (eventId: string, openid: string): string => `reg:${eventId}:${openid}`
/** A registration's place in "my sign-ups": its event's start, then its own id (unique). Kept with the event's start. */
export const regStartKey = (startAt: number, id: string): string => timeKey(startAt, id)
export const triesId = (eventId: string, openid: string): string => `tries:${eventId}:${openid}`
export const walkInsId = (eventId: string, staff: string): string => `walkins:${eventId}:${staff}`
export const seatId = (eventId: string, n: number): string => `seat:${eventId}:${n}`
/** A 6-digit code rotating every minute cannot be guessed in this many tries per person (odds ≈ 2 in 100,000). */
export const MAX_CODE_TRIES = 10

export const partySize = (r: Pick<RegistrationDoc, 'family'>): number => 1 + r.family

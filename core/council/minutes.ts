/**
 * Minutes and decisions of a 议事会 (pure). The host records per agenda item a summary, the outcome
 * (decided, or deferred to the next session) with the decision and any dissent, and the decision's
 * actions; the minutes stay a draft until the host and one member of the 选题委员会 — two different
 * people — have confirmed them, then they are published (公示) for 7 days, open to objections.
 *
 * A decision's actions are typed: service orders (served and confirmed like any other), an event
 * (e.g. a 志愿服务日 with points), an escalation to the street (大事), or a rule (公约, done when
 * recorded). Progress = actions done ÷ all; a decision is 落实 when every action was done by its
 * due day.
 */
import { endOfChinaDay, chinaInstant, DAY_MS } from '../china-time'

export const ACTION_KINDS = { orders: '派服务单', event: '办一场活动', escalate: '上报街道（大事）', rule: '写进居民公约' } as const
export type ActionKind = keyof typeof ACTION_KINDS

/** Days the published minutes stay open to objections. */
export const PUBLIC_DAYS = 7

export type MinutesStatus = 'draft' | 'published'

export interface Confirmations {
  /** The host: the staff member who recorded the minutes. */
  host: { by: string; at: number } | null
  /** A member of the committee (or staff recording for one who has no app). */
  member: { by: string; name: string; at: number } | null
}

export type ConfirmAs = { role: 'host'; by: string } | { role: 'member'; by: string; name: string }

export type ConfirmStep = { ok: true; confirmations: Confirmations; publish: boolean } | { ok: false; code: 'MINUTES_PUBLISHED' | 'ALREADY_CONFIRMED' | 'SAME_PERSON' }

/** One confirmation more; the minutes publish once both the host and a member, two different people, have confirmed. */
export function confirmMinutes(status: MinutesStatus, c: Confirmations, as: ConfirmAs, at: number): ConfirmStep {
  if (status === 'published') return { ok: false, code: 'MINUTES_PUBLISHED' }
  if (c[as.role]) return { ok: false, code: 'ALREADY_CONFIRMED' }
  const other = as.role === 'host' ? c.member : c.host
  if (other && other.by === as.by) return { ok: false, code: 'SAME_PERSON' }
  const next: Confirmations = as.role === 'host' ? { ...c, host: { by: as.by, at } } : { ...c, member: { by: as.by, name: as.name, at } }
  return { ok: true, confirmations: next, publish: !!(next.host && next.member) }
}

/** Objections are taken while the minutes are on public display. */
export const objectionsOpen = (publishedAt: number | null, now: number): boolean => publishedAt !== null && now < publishedAt + PUBLIC_DAYS * DAY_MS

export interface ActionState {
  kind: ActionKind
  /** China day it is due (YYYY-MM-DD). */
  due: string
  doneAt: number | null
}

/** Actions done ÷ all (a decision without actions is complete). */
export function progressOf(actions: readonly Pick<ActionState, 'doneAt'>[]): { done: number; all: number } {
  return { done: actions.filter((a) => a.doneAt !== null).length, all: actions.length }
}

/** The end of a China day given as YYYY-MM-DD (the last moment an action due that day is on time). */
export function dueEnd(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return endOfChinaDay(chinaInstant({ y, m, d }))
}

/** 落实: every action done, each by the end of its due day. */
export const implementedOnTime = (actions: readonly ActionState[]): boolean => actions.every((a) => a.doneAt !== null && a.doneAt < dueEnd(a.due))

/** What happens to a topic when its minutes are published: decided (then under way, or done when nothing is left to do) or deferred. */
export function afterDecision(outcome: 'decided' | 'deferred', actions: readonly Pick<ActionState, 'doneAt'>[]): 'deferred' | 'in_progress' | 'done' {
  if (outcome === 'deferred') return 'deferred'
  const p = progressOf(actions)
  return p.done === p.all ? 'done' : 'in_progress'
}

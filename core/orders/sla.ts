/**
 * Service level: how long each stage may take, per urgency, with per-category overrides.
 * The deadline is stored on the order (dueAt) when its status changes; a timer marks overdue ones.
 */
import type { Category } from './categories'
import type { Order, Status, Urgency } from './model'

const HOUR = 3_600_000

/** Stages with a clock: waiting for staff, waiting for a volunteer, being served. */
export type Stage = 'triage' | 'accept' | 'serve'

export const STAGE_OF: Partial<Record<Status, Stage>> = {
  submitted: 'triage',
  open: 'accept',
  accepted: 'serve',
  in_service: 'serve',
}

export type StageHours = Record<Stage, number>
export interface SlaConfig {
  byUrgency: Record<Urgency, StageHours>
  /** Category overrides, merged over byUrgency. */
  byCategory?: Partial<Record<Category, Partial<Record<Urgency, Partial<StageHours>>>>>
}

export const DEFAULT_SLA: SlaConfig = {
  byUrgency: {
    urgent: { triage: 1, accept: 2, serve: 24 },
    normal: { triage: 24, accept: 48, serve: 72 },
  },
  byCategory: {
    // a lawyer or counsellor comes on set days: give them a week
    legal: { normal: { accept: 168, serve: 168 }, urgent: { accept: 24, serve: 72 } },
    counseling: { normal: { accept: 168, serve: 168 }, urgent: { accept: 24, serve: 72 } },
  },
}

export function stageHours(sla: SlaConfig, category: Category, urgency: Urgency, stage: Stage): number {
  return sla.byCategory?.[category]?.[urgency]?.[stage] ?? sla.byUrgency[urgency][stage]
}

/** Deadline of the order's current stage, or null when no clock runs (done, escalated, final). */
export function dueAt(order: Pick<Order, 'status' | 'category' | 'urgency' | 'stageSince'>, sla: SlaConfig = DEFAULT_SLA): number | null {
  const stage = STAGE_OF[order.status]
  if (!stage) return null
  return order.stageSince + stageHours(sla, order.category, order.urgency, stage) * HOUR
}

export function isOverdue(order: Pick<Order, 'dueAt'>, now: number): boolean {
  return order.dueAt !== null && now >= order.dueAt
}

/** Hours a reported-done order waits for the resident before the timer confirms it. */
export const AUTO_CONFIRM_HOURS = 72
/** Days after done/confirmation during which the resident may reopen. */
export const REOPEN_DAYS = 7
/** Days after an order enters 办结 (done, closed, referred) when the resident is asked the 回访. */
export const CHECK_DAYS = 3

export const autoConfirmDue = (order: Pick<Order, 'doneAt'>): number | null =>
  order.doneAt === null ? null : order.doneAt + AUTO_CONFIRM_HOURS * HOUR

export function reopenUntil(order: Pick<Order, 'doneAt' | 'confirmedAt'>): number | null {
  const since = order.confirmedAt ?? order.doneAt
  return since === null ? null : since + REOPEN_DAYS * 24 * HOUR
}

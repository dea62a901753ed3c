/** Which orders stand behind a figure: the same facts the counters add up (facts.ts). */
import type { Figure } from './contract'
import type { OrderFacts } from './facts'

const BEHIND: Record<Figure, (f: OrderFacts, now: number) => boolean> = {
  collected: (f) => !f.withdrawn,
  withdrawn: (f) => f.withdrawn,
  solved: (f) => !f.withdrawn && f.solved,
  unsolved: (f) => !f.withdrawn && !f.solved,
  // answered late, or not answered and past the deadline (those still within it are not late yet)
  late_answer: (f, now) => !f.withdrawn && !f.inTime && (f.response !== null || f.respondBy <= now),
  overdue: (f) => !f.withdrawn && f.everOverdue,
  reopened: (f) => !f.withdrawn && f.reopened,
  rated_low: (f) => f.stars !== null && f.stars < 4,
  by_timer: (f) => f.solvedByTimer,
  check_not: (f) => f.check === 'not',
}

export const isBehind = (figure: Figure, f: OrderFacts, now: number): boolean => BEHIND[figure](f, now)

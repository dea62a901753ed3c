/**
 * What the database can rule out before an order's facts are read (core/kpis/figures.ts decides):
 * for each figure, a condition every order behind it meets — so a rare figure (低于4星, 回访没解决,
 * 重办…) reads its few candidates instead of the month's whole cohort. Figures most orders stand
 * behind (收集) or that need the timeline's times (没按时响应) have none.
 */
import type { Figure } from '../../core/kpis/contract'
import type { Db } from '../../server/db'

export function candidatesOf(figure: Figure, _: Db['command']): object | null {
  switch (figure) {
    case 'withdrawn':
      return { status: 'cancelled' }
    case 'solved':
      return { status: _.in(['confirmed', 'closed']) }
    case 'unsolved':
      return { status: _.neq('confirmed') }
    case 'overdue':
      return { 'timeline.event': 'MARK_OVERDUE' }
    case 'reopened':
      return { reopenCount: _.gt(0) }
    case 'rated_low':
      return { 'rating.stars': _.lt(4) }
    case 'by_timer':
      return { status: 'confirmed', 'timeline.event': 'AUTO_CONFIRM' }
    case 'check_not':
      return { 'check.answer': 'not' }
    case 'collected':
    case 'late_answer':
      return null
  }
}

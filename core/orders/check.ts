/**
 * 回访: the answer to "这件事解决了吗？", in one step with what it leads to. 没解决 reopens the order
 * when the resident could still reopen it (done or confirmed, within the reopen window: back to the
 * 网格员, history kept); otherwise (closed, referred, too late) the grid's 网格员 are told to follow it up.
 */
import { unsolvedFollowUp } from './effects'
import { transition, type Step, type StepContext } from './machine'
import type { CheckAnswer, Order } from './model'

/** The reopen's reason, in the timeline and on the order. */
export const UNSOLVED_REASON = '回访时说没解决'

export function answerCheck(o: Order, answer: CheckAnswer, ctx: StepContext, gridStaff: readonly string[]): Step {
  const answered = transition(o, { type: 'ANSWER_CHECK', answer }, ctx)
  if (!answered.ok || answer !== 'not') return answered
  const reopened = transition(answered.next, { type: 'REOPEN', reason: UNSOLVED_REASON }, ctx)
  if (reopened.ok) return { ...reopened, effects: [...answered.effects, ...reopened.effects] }
  return { ...answered, effects: [...answered.effects, ...unsolvedFollowUp(gridStaff, ctx.by)] }
}

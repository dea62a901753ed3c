import type * as z from 'zod'
import type { Audience } from './roles'

/**
 * One action's contract, defined once: the client's typed call, the server's validation and role
 * check, and docs/api.md all derive from it.
 */
export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Cloud function that routes this action, e.g. 'users'. */
  readonly fn: string
  /** Action name inside the function, e.g. 'updateProfile'. */
  readonly action: string
  /** One line for the API reference (中文 welcome). */
  readonly summary: string
  /** Who may call it (checked by the router before the handler runs). */
  readonly roles: Audience
  readonly input: I
  readonly output: O
  /** Feature error codes this action may return (beyond the common ones), for docs. */
  readonly errors?: readonly string[]
  /** What the action can move — points, gift stock, event seats: the abuse matrix must cover it. */
  readonly moves?: readonly Movable[]
  /** Every call, allowed or refused, is recorded in the audit trail (who, what, outcome). */
  readonly audit?: boolean
}

export type Movable = 'points' | 'stock' | 'seats'

export type InputOf<C extends ActionContract> = z.input<C['input']>
export type ParsedInputOf<C extends ActionContract> = z.output<C['input']>
export type OutputOf<C extends ActionContract> = z.output<C['output']>

/** A function's actions keyed by action name; the key must equal each contract's `action`. */
export type FunctionContract = Record<string, ActionContract>

export function defineFunction<const F extends string, C extends Record<string, Omit<ActionContract, 'fn' | 'action'>>>(
  fn: F,
  actions: C,
): { [K in keyof C & string]: C[K] & { fn: F; action: K } } {
  const out: Record<string, ActionContract> = {}
  for (const [action, c] of Object.entries(actions)) out[action] = { ...c, fn, action } as ActionContract
  return out as never
}

/**
 * One permission style for every feature: a pure decision per action — allowed, or a refusal code
 * (with a plain message when the catalog's is not specific enough). Rules return it; handlers
 * `enforce` it, which throws the structured error the router returns.
 */
import { AppError, commonError } from './errors'

export type Decision<Code extends string = string> = { ok: true } | { ok: false; code: Code; message?: string }

export const allow: { ok: true } = { ok: true }

export const deny = <Code extends string>(code: Code, message?: string): Decision<Code> => (message ? { ok: false, code, message } : { ok: false, code })

/** Throw the refusal as the feature's error (its own message if it has one, else the catalog's); pass on allow. */
export function enforce<Code extends string>(d: Decision<Code>, catalog: (code: Code) => AppError = commonError as never): void {
  if (d.ok) return
  const err = catalog(d.code)
  throw d.message ? new AppError(d.code, d.message, err.details) : err
}

/**
 * One permission style for every feature: a pure decision per action — allowed (with what the rule
 * found, e.g. the capacity an order event is sent in), or a refusal code with a plain message when
 * the catalog's is not specific enough. Rules return it; handlers `enforce` it with their feature's
 * error catalog, which throws the structured error the router returns.
 */
import { AppError, commonError } from './errors'

export type Refusal<Code extends string = string> = { ok: false; code: Code; message?: string }

export type Decision<Code extends string = string, Allowed extends object = object> = ({ ok: true } & Allowed) | Refusal<Code>

export const allow: { ok: true } = { ok: true }

export const deny = <Code extends string>(code: Code, message?: string): Refusal<Code> => (message ? { ok: false, code, message } : { ok: false, code })

/**
 * The allowed decision (to read what the rule found), or throw the refusal as the catalog's error,
 * with the refusal's own message if it has one. The catalog's type checks that it knows every code.
 */
export function enforce<Code extends string, Allowed extends object>(
  d: Decision<Code, Allowed>,
  catalog: (code: Code) => AppError = commonError as never,
): { ok: true } & Allowed {
  if (d.ok) return d
  const err = catalog(d.code)
  throw d.message ? new AppError(d.code, d.message, err.details) : err
}

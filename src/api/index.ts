import type { ActionContract } from '@core/contract/define'
import type { FUNCTIONS } from '@core/registry'

/**
 * Typed references to every action, without shipping the contracts' zod schemas in the
 * mini-program (the server validates; the main package stays small):
 *   `call(api.users.updateProfile, { name, phone, buildingId, unitId })`
 * At runtime a reference is just `{ fn, action }`; its type carries the whole contract, so input
 * and output are checked by tsc. Import contract modules in the app only with `import type`.
 */
export interface ContractRef<C extends ActionContract> {
  readonly fn: C['fn']
  readonly action: C['action']
  /** type-level only: never set at runtime */
  readonly __contract?: C
}

type Functions = typeof FUNCTIONS
export type Api = {
  [F in keyof Functions]: { [A in keyof Functions[F]]: Functions[F][A] extends ActionContract ? ContractRef<Functions[F][A]> : never }
}

// One stable object per action: hooks depend on the reference's identity.
const refs = new Map<string, ContractRef<ActionContract>>()
function ref(fn: string, action: string): ContractRef<ActionContract> {
  const key = `${fn}.${action}`
  let r = refs.get(key)
  if (!r) refs.set(key, (r = Object.freeze({ fn, action })))
  return r
}

export const api = new Proxy({} as Api, {
  get: (_, fn: string) => new Proxy({}, { get: (__, action: string) => ref(fn, action) }),
})

export { call, errorText, AppError } from './client'

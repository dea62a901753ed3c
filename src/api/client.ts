import type { ActionContract, InputOf, OutputOf } from '@core/contract/define'
import { AppError, COMMON_ERRORS } from '@core/contract/errors'
import type { ContractRef } from './index'
import { send, TransportError } from './transport'

/** Backoff before each retry of a BUSY answer (a lost race on the server); jitter spreads retries. */
const BUSY_BACKOFF_MS = [120, 300, 700, 1200]

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The one typed way to call the server: `await call(api.users.updateProfile, { name, phone, … })`.
 * Expected failures (`{ ok: false, error }`) become an AppError with a stable code and a Chinese
 * message; BUSY is retried here a few times so pages never see a lost race they can't act on.
 */
export async function call<C extends ActionContract>(contract: ContractRef<C> | C, input: InputOf<C>): Promise<OutputOf<C>> {
  for (let attempt = 0; ; attempt++) {
    let result
    try {
      result = await send(contract.fn, { action: contract.action, data: input })
    } catch (err) {
      if (err instanceof TransportError) throw new AppError('NETWORK', '网络不太好，请稍后再试', { cause: err.message })
      throw err
    }
    if (result.ok) return result.data as OutputOf<C>
    const { code, message, details } = result.error
    if (code === 'BUSY' && attempt < BUSY_BACKOFF_MS.length) {
      await sleep(BUSY_BACKOFF_MS[attempt] * (0.75 + Math.random() / 2))
      continue
    }
    throw new AppError(code, message || messageFor(code), details)
  }
}

function messageFor(code: string): string {
  return (COMMON_ERRORS as Record<string, string>)[code] ?? COMMON_ERRORS.INTERNAL
}

/** A Chinese sentence for anything a page caught. */
export function errorText(err: unknown): string {
  if (err instanceof AppError) return err.message
  return COMMON_ERRORS.INTERNAL
}

export { AppError }

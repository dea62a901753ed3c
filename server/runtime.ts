import * as wxCloud from 'wx-server-sdk'
import * as z from 'zod'
import type { ActionContract, FunctionContract, OutputOf, ParsedInputOf } from '../core/contract/define'
import { AppError, COMMON_ERRORS, commonError, type ActionResult, type ErrorBody } from '../core/contract/errors'
import { mayCall } from '../core/contract/roles'
import { loadCaller, type Ctx, type TimerCtx } from './context'
import type { Db } from './db'
import { chineseIssue, fieldIssues } from './issues'
import { assertSafePhotos } from './photo-check'
import { assertSafeInput } from './text-check'
import { recordAudit } from './audit'

export type Handler<C extends ActionContract> = (ctx: Ctx, input: ParsedInputOf<C>) => Promise<z.input<C['output']> | OutputOf<C>>
export type Handlers<F extends FunctionContract> = { [K in keyof F]: Handler<F[K]> }
export type TimerHandler = (ctx: TimerCtx, event: TimerEvent) => Promise<unknown>

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time?: string
}

export interface FunctionOptions {
  /** Timer trigger handlers by trigger name (config.json `triggers[].name`). */
  timers?: Record<string, TimerHandler>
  /** The SDK module; tests of the router alone may pass their own. */
  cloud?: typeof wxCloud
}

export type Main = (event: unknown, context?: unknown) => Promise<ActionResult<unknown> | unknown>

const fail = (error: ErrorBody): ActionResult<never> => ({ ok: false, error })

/** Whether an action may end with `code`: one every action can (COMMON_ERRORS), or one its contract lists. */
export const declares = (contract: { errors?: readonly string[] }, code: string): boolean => Object.hasOwn(COMMON_ERRORS, code) || !!contract.errors?.includes(code)

/** instanceof, or the same shape from a second copy of core/contract (e.g. two bundles in one test process). */
function isAppError(err: unknown): err is AppError {
  return err instanceof AppError || (err instanceof Error && err.name === 'AppError' && typeof (err as AppError).toJSON === 'function')
}

function isTimer(event: unknown): event is TimerEvent {
  return !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer'
}

/**
 * One cloud function over a feature's actions: `main({ action, data })`.
 * Order: action lookup → caller from the WX context and the users collection → contract role check
 * (guest → NOT_REGISTERED, else FORBIDDEN) → input parse (INVALID_INPUT with field details) →
 * content check of free text (CONTENT_RISKY) and of photos (PHOTO_RISKY) → handler → audit record for actions marked `audit` → output parse (strips fields the contract does not declare). Expected failures are
 * AppErrors and come back as `{ ok: false, error }`; anything else is logged and becomes INTERNAL.
 */
export function createFunction<F extends FunctionContract>(contracts: F, handlers: Handlers<F>, opts: FunctionOptions = {}): Main {
  const cloud = opts.cloud ?? wxCloud
  let db: Db | undefined
  const database = (): Db => {
    if (!db) {
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
      // throwOnNotFound is read by the SDK though its typings omit it: a missing doc reads as null.
      db = cloud.database({ throwOnNotFound: false } as never)
    }
    return db
  }
  const log = (message: string, extra?: unknown) => console.log(`[${Object.values(contracts)[0]?.fn ?? 'fn'}] ${message}`, extra ?? '')

  return async function main(event: unknown): Promise<unknown> {
    // A timer invocation has no user (OPENID is empty in the cloud); a client sending a Timer-shaped
    // event has one and must not fire timers, so it falls through to the action lookup (UNKNOWN_ACTION).
    if (isTimer(event) && !cloud.getWXContext().OPENID) return runTimer(event)
    const { action, data } = (event && typeof event === 'object' ? event : {}) as { action?: unknown; data?: unknown }
    const contract = typeof action === 'string' && Object.hasOwn(contracts, action) ? contracts[action] : undefined
    if (!contract) return fail(commonError('UNKNOWN_ACTION').toJSON())
    const started = Date.now()
    const openid = cloud.getWXContext().OPENID
    let input: unknown = null
    // the community the caller acted in, for the audit record (none for a guest or an unknown caller)
    let communityId: string | null = null
    const result = await (async (): Promise<ActionResult<unknown>> => {
      try {
        if (!openid) throw commonError('UNAUTHENTICATED')
        const d = database()
        const caller = await loadCaller(d, openid)
        communityId = caller.caller.communityId
        if (!mayCall(contract.roles, caller.roles)) {
          throw commonError(caller.user ? 'FORBIDDEN' : 'NOT_REGISTERED', { action: contract.action })
        }
        const parsed = contract.input.safeParse(data === undefined ? {} : data, { error: chineseIssue })
        if (!parsed.success) throw commonError('INVALID_INPUT', fieldIssues(parsed.error))
        input = parsed.data
        const ctx: Ctx = { openid, ...caller, db: d, cloud, now: () => started, log }
        await assertSafeInput(ctx, contract.input, parsed.data)
        await assertSafePhotos(ctx, contract.input, parsed.data)
        const out = await handlers[contract.action as keyof F](ctx, parsed.data as never)
        const checked = contract.output.safeParse(out)
        if (!checked.success) {
          log(`output of ${contract.action} does not match its contract`, fieldIssues(checked.error))
          return fail(commonError('INTERNAL').toJSON())
        }
        return { ok: true, data: checked.data }
      } catch (err) {
        if (isAppError(err)) {
          // every outcome is declared in the contract; an undeclared one is a gap in docs/api.md and the client
          if (!declares(contract, err.code)) log(`undeclared outcome ${err.code} from ${contract.fn}.${contract.action}`)
          return fail(err.toJSON())
        }
        console.error(`[${contract.fn}.${contract.action}] unexpected error`, err)
        return fail(commonError('INTERNAL').toJSON())
      }
    })()
    if (contract.audit && openid) {
      const outcome = result.ok ? { outcome: 'ok' } : { outcome: result.error.code, message: result.error.message }
      await recordAudit(database(), contract, { by: openid, communityId, at: started, input, ...outcome }, log)
    }
    return result
  }

  async function runTimer(event: TimerEvent): Promise<unknown> {
    const timer = opts.timers?.[event.TriggerName]
    if (!timer) {
      log(`no timer handler for ${event.TriggerName}`)
      return fail(commonError('UNKNOWN_ACTION').toJSON())
    }
    const now = Date.now()
    try {
      return { ok: true, data: (await timer({ db: database(), cloud, now: () => now, log }, event)) ?? null }
    } catch (err) {
      console.error(`[timer ${event.TriggerName}] failed`, err)
      return fail(isAppError(err) ? err.toJSON() : commonError('INTERNAL').toJSON())
    }
  }
}

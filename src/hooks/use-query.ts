import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { ActionContract, InputOf, OutputOf } from '@core/contract/define'
import { AppError } from '@core/contract/errors'
import { call } from '@/api/client'
import type { ContractRef } from '@/api'

export interface QueryState<T> {
  data: T | undefined
  error: AppError | undefined
  loading: boolean
  reload: () => Promise<void>
}

/** What a page shows for a failed call: the server's AppError, or a plain INTERNAL one. */
export function asAppError(err: unknown): AppError {
  return err instanceof AppError ? err : new AppError('INTERNAL', '系统出了点小问题，请稍后再试')
}

/**
 * Load one action's result for a page: loading / error / data, reloaded when the page is shown
 * again (coming back from another page) and when `key` changes. `enabled: false` waits.
 */
export function useQuery<C extends ActionContract>(
  contract: ContractRef<C>,
  input: InputOf<C>,
  opts: { enabled?: boolean; key?: string } = {},
): QueryState<OutputOf<C>> {
  const enabled = opts.enabled ?? true
  const [data, setData] = useState<OutputOf<C>>()
  const [error, setError] = useState<AppError>()
  const [loading, setLoading] = useState(enabled)
  const inputRef = useRef(input)
  inputRef.current = input
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    try {
      const out = await call(contract, inputRef.current)
      if (mine === seq.current) setData(out)
    } catch (err) {
      if (mine === seq.current) setError(asAppError(err))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [contract])

  const key = opts.key ?? JSON.stringify(input ?? null)
  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, key, reload])

  const shown = useRef(false)
  useDidShow(() => {
    // the first show is covered by the effect above
    if (shown.current && enabled) void reload()
    shown.current = true
  })

  return { data, error, loading, reload }
}

export interface ActionState<C extends ActionContract> {
  run: (input: InputOf<C>) => Promise<OutputOf<C> | undefined>
  pending: boolean
  error: AppError | undefined
}

/** A button's call: `pending` disables it, `error` is shown near it; resolves undefined on failure. */
export function useAction<C extends ActionContract>(contract: ContractRef<C>): ActionState<C> {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<AppError>()
  const run = useCallback(
    async (input: InputOf<C>) => {
      setPending(true)
      setError(undefined)
      try {
        return await call(contract, input)
      } catch (err) {
        setError(asAppError(err))
        return undefined
      } finally {
        setPending(false)
      }
    },
    [contract],
  )
  return { run, pending, error }
}

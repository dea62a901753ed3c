import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import type { ActionContract, InputOf, OutputOf } from '@core/contract/define'
import { AppError } from '@core/contract/errors'
import { call } from '@/api/client'
import type { ContractRef } from '@/api'
import { queries, stableJson, type Entry } from '@/lib/query-cache'

export interface QueryState<T> {
  data: T | undefined
  /** the last fetch failed; `data` (if any) is what was fetched before */
  error: AppError | undefined
  /** a fetch is on its way (with `data` still shown, if there is some) */
  loading: boolean
  reload: () => Promise<void>
}

/** What a page shows for a failed call: the server's AppError, or a plain INTERNAL one. */
export function asAppError(err: unknown): AppError {
  return err instanceof AppError ? err : new AppError('INTERNAL', '系统出了点小问题，请稍后再试')
}

/**
 * By default a read is fetched again whenever a page showing it opens or comes back (what was
 * fetched before shows meanwhile); readers at the same moment share one request.
 */
const ALWAYS = 0

export const keyOf = (contract: ContractRef<ActionContract>, input: unknown) => `${contract.fn}.${contract.action}:${stableJson(input)}`

/** The cache entry for `key`, re-rendering when it changes. */
function useEntry<T>(key: string): Entry<T> {
  return useSyncExternalStore(
    useCallback((fn: () => void) => queries.subscribe(key, fn), [key]),
    () => queries.get<T>(key),
  )
}

/** The pull-down refreshes of the pages now on screen (the one a finger pulls is among them). */
const visibleLoads = new Set<() => Promise<void>>()
export const refreshVisible = () => Promise.all([...visibleLoads].map((load) => load())).then(() => undefined)

/**
 * Keep `key` fresh while its page is on screen: fetch on mount and when the page is shown again if
 * the data is missing, stale or older than `maxAgeMs`; refetch at once after a change made
 * anywhere (`invalidateAll`) while shown, or on the next show while hidden.
 */
export function useFreshness(key: string, enabled: boolean, maxAgeMs: number, load: () => Promise<void>): void {
  const shown = useRef(true)
  const firstShow = useRef(true)
  const loadRef = useRef(load)
  loadRef.current = load
  const refresh = useCallback(() => loadRef.current(), [])
  const revalidate = useCallback(() => {
    if (enabled && shown.current && queries.needsFetch(key, maxAgeMs)) void loadRef.current()
  }, [enabled, key, maxAgeMs])
  useEffect(revalidate, [revalidate])
  useEffect(() => queries.onInvalidate(revalidate), [revalidate])
  useEffect(() => {
    if (!enabled) return
    visibleLoads.add(refresh)
    return () => void visibleLoads.delete(refresh)
  }, [enabled, refresh])
  useDidShow(() => {
    shown.current = true
    if (enabled) visibleLoads.add(refresh)
    // the show that follows opening the page is covered by the mount effect
    if (!firstShow.current) revalidate()
    firstShow.current = false
  })
  const away = () => {
    shown.current = false
    visibleLoads.delete(refresh)
  }
  useDidHide(away)
  // a closed page's components unmount a moment later: not visible from now on
  useUnload(away)
}

/**
 * One action's result for a page, from the app's query cache: what was fetched before shows at
 * once, a refresh runs behind it, a failed refresh keeps it. `enabled: false` waits; `key` replaces
 * the input as the cache key; `maxAgeMs` lets pages share a read that rarely changes (the profile).
 */
export function useQuery<C extends ActionContract>(
  contract: ContractRef<C>,
  input: InputOf<C>,
  opts: { enabled?: boolean; key?: string; maxAgeMs?: number } = {},
): QueryState<OutputOf<C>> {
  const enabled = opts.enabled ?? true
  const key = keyOf(contract, opts.key ?? input)
  const inputRef = useRef(input)
  inputRef.current = input
  const reload = useCallback(() => queries.fetch(key, () => call(contract, inputRef.current)), [contract, key])
  useFreshness(key, enabled, opts.maxAgeMs ?? ALWAYS, reload)
  const entry = useEntry<OutputOf<C>>(key)
  return {
    data: entry.data,
    error: entry.error === undefined ? undefined : asAppError(entry.error),
    loading: entry.fetching || (enabled && entry.at === 0 && entry.error === undefined),
    reload,
  }
}

export interface ActionState<C extends ActionContract> {
  run: (input: InputOf<C>) => Promise<OutputOf<C> | undefined>
  pending: boolean
  error: AppError | undefined
}

/**
 * A button's call: `pending` disables it, `error` is shown near it (and its `details` at the
 * fields); resolves undefined on failure. A success marks every cached read stale: what is on
 * screen refetches now, other pages when they are shown again.
 */
export function useAction<C extends ActionContract>(contract: ContractRef<C>): ActionState<C> {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<AppError>()
  const run = useCallback(
    async (input: InputOf<C>) => {
      setPending(true)
      setError(undefined)
      try {
        const out = await call(contract, input)
        queries.invalidateAll()
        return out
      } catch (err) {
        const e = asAppError(err)
        // a refusal may mean the record changed meanwhile (someone else took the order): refetch it
        if (e.code !== 'INVALID_INPUT' && e.code !== 'NETWORK') queries.invalidateAll()
        setError(e)
        return undefined
      } finally {
        setPending(false)
      }
    },
    [contract],
  )
  return { run, pending, error }
}

export { useEntry }

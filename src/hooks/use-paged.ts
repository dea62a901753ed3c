import { useCallback, useRef, useState } from 'react'
import type { ActionContract, InputOf, OutputOf } from '@core/contract/define'
import type { Page } from '@core/contract/paging'
import { call } from '@/api/client'
import type { ContractRef } from '@/api'
import { queries } from '@/lib/query-cache'
import { appendPage, byUnderscoreId, MAX_LIMIT, mergeRefresh, type IdOf } from '@/lib/paged'
import { asAppError, keyOf, useEntry, useFreshness } from './use-query'

type ItemOf<C extends ActionContract> = OutputOf<C> extends Page<infer Item> ? Item : never

interface Options<Item> {
  /** false: not fetched (e.g. a list the caller's role may not read) */
  enabled?: boolean
  idOf?: IdOf<Item>
}
/** Items without an `_id` need `idOf`, or a refresh could not tell which ones it already shows. */
type OptionsFor<Item> = [Item] extends [{ _id: string }] ? [opts?: Options<Item>] : [opts: Options<Item> & { idOf: IdOf<Item> }]

/**
 * A cursor-paged list from the query cache. Coming back to it shows every page loaded before (so
 * the scroll position holds) while it refreshes them in one call behind; "加载更多" appends the
 * next page; a filter in `input` is another list.
 */
export function usePaged<C extends ActionContract>(contract: ContractRef<C>, input: InputOf<C> & { limit?: number }, ...[opts]: OptionsFor<ItemOf<C>>) {
  type Item = ItemOf<C>
  type Answer = OutputOf<C> & Page<Item>
  const key = keyOf(contract, input)
  const inputRef = useRef(input)
  inputRef.current = input
  const idRef = useRef<IdOf<Item>>(byUnderscoreId)
  idRef.current = (opts?.idOf as IdOf<Item> | undefined) ?? byUnderscoreId
  const idOf = useCallback((item: Item) => idRef.current(item), [])
  const entry = useEntry<Answer>(key)
  const [moreError, setMoreError] = useState<unknown>()
  const [loadingMore, setLoadingMore] = useState(false)

  const reload = useCallback(() => {
    const loaded = queries.get<Answer>(key).data?.items.length ?? 0
    const asked = Math.min(MAX_LIMIT, Math.max(inputRef.current.limit ?? 20, loaded))
    const fetchPage = () => call(contract, { ...inputRef.current, limit: asked }) as Promise<Answer>
    return queries.fetch<Answer>(key, fetchPage, (prev, fresh) => mergeRefresh(prev, fresh, asked, idOf))
  }, [contract, key, idOf])
  useFreshness(key, opts?.enabled ?? true, 0, reload)

  const more = useCallback(async () => {
    const cursor = queries.get<Answer>(key).data?.next
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = (await call(contract, { ...inputRef.current, cursor })) as Answer
      queries.update<Answer>(key, (prev) => appendPage(prev, page, idOf))
    } catch (err) {
      setMoreError(err)
    } finally {
      setLoadingMore(false)
    }
  }, [contract, key, loadingMore, idOf])

  const error = entry.error ?? moreError
  return {
    /** the whole answer, for what a list returns beside its rows (e.g. a total) */
    data: entry.data,
    items: entry.data?.items ?? [],
    next: entry.data?.next ?? null,
    /** the first load, or a refresh, or the next page is on its way */
    loading: entry.fetching || loadingMore || (entry.at === 0 && entry.error === undefined),
    error: error === undefined ? undefined : asAppError(error),
    reload,
    more,
  }
}

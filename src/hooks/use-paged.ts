import { useCallback, useRef, useState } from 'react'
import type { ActionContract, InputOf, OutputOf } from '@core/contract/define'
import { call } from '@/api/client'
import type { ContractRef } from '@/api'
import { queries } from '@/lib/query-cache'
import { appendPage, MAX_LIMIT, mergeRefresh, type Paged } from '@/lib/paged'
import { asAppError, keyOf, useEntry, useFreshness } from './use-query'

/**
 * A cursor-paged list from the query cache. Coming back to it shows every page loaded before (so
 * the scroll position holds) while it refreshes them in one call behind; "加载更多" appends the
 * next page; a filter in `input` is another list.
 */
export function usePaged<C extends ActionContract>(contract: ContractRef<C>, input: InputOf<C> & { limit?: number }) {
  type Item = OutputOf<C> extends Paged<unknown> ? OutputOf<C>['items'][number] : never
  const key = keyOf(contract, input)
  const inputRef = useRef(input)
  inputRef.current = input
  const entry = useEntry<Paged<Item>>(key)
  const [moreError, setMoreError] = useState<unknown>()
  const [loadingMore, setLoadingMore] = useState(false)

  const reload = useCallback(() => {
    const loaded = queries.get<Paged<Item>>(key).data?.items.length ?? 0
    const asked = Math.min(MAX_LIMIT, Math.max(inputRef.current.limit ?? 20, loaded))
    const fetchPage = () => call(contract, { ...inputRef.current, limit: asked }) as Promise<Paged<Item>>
    return queries.fetch<Paged<Item>>(key, fetchPage, (prev, fresh) => mergeRefresh(prev, fresh, asked))
  }, [contract, key])
  useFreshness(key, true, 0, reload)

  const more = useCallback(async () => {
    const cursor = queries.get<Paged<Item>>(key).data?.next
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = (await call(contract, { ...inputRef.current, cursor })) as Paged<Item>
      queries.update<Paged<Item>>(key, (prev) => appendPage(prev, page))
    } catch (err) {
      setMoreError(err)
    } finally {
      setLoadingMore(false)
    }
  }, [contract, key, loadingMore])

  const error = entry.error ?? moreError
  return {
    items: entry.data?.items ?? [],
    next: entry.data?.next ?? null,
    /** the first load, or a refresh, or the next page is on its way */
    loading: entry.fetching || loadingMore || (entry.at === 0 && entry.error === undefined),
    error: error === undefined ? undefined : asAppError(error),
    reload,
    more,
  }
}

import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { ActionContract, InputOf, OutputOf } from '@core/contract/define'
import type { AppError } from '@core/contract/errors'
import { call } from '@/api/client'
import type { ContractRef } from '@/api'
import { asAppError } from '@/hooks/use-query'

type PagedOut = { items: unknown[]; next: string | null }

/** A cursor-paged list: first page on show, "加载更多" appends the next; filters in `input` restart it. */
export function usePaged<C extends ActionContract>(contract: ContractRef<C>, input: InputOf<C>) {
  type Item = OutputOf<C> extends PagedOut ? OutputOf<C>['items'][number] : never
  const [items, setItems] = useState<Item[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<AppError>()
  const key = JSON.stringify(input)
  const seq = useRef(0)

  const load = useCallback(
    async (cursor?: string) => {
      const mine = ++seq.current
      setLoading(true)
      setError(undefined)
      try {
        const out = (await call(contract, { ...(JSON.parse(key) as object), cursor } as InputOf<C>)) as unknown as PagedOut
        if (mine !== seq.current) return
        setItems((prev) => (cursor ? [...prev, ...(out.items as Item[])] : (out.items as Item[])))
        setNext(out.next)
      } catch (err) {
        if (mine === seq.current) setError(asAppError(err))
      } finally {
        if (mine === seq.current) setLoading(false)
      }
    },
    [contract, key],
  )
  useEffect(() => void load(), [load])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })
  return { items, next, loading, error, reload: () => load(), more: () => (next ? load(next) : Promise.resolve()) }
}

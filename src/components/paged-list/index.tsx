import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { StateView } from '@/components/state-view'
import './index.scss'

/** What usePaged returns, as far as the list's frame needs it. */
export interface PagedState<Item = unknown> {
  items: readonly Item[]
  next: string | null
  loading: boolean
  error?: unknown
  reload: () => void
  more: () => Promise<void>
}

/** List footer: more, or the end. */
export function MoreButton({ next, loading, onMore }: { next: string | null; loading: boolean; onMore: () => void }) {
  if (!next) return <View className='h-sub list-end'>没有更多了</View>
  return (
    <View className='card list-more' onClick={loading ? undefined : onMore} data-testid='load-more'>
      {loading ? '正在加载…' : '加载更多'}
    </View>
  )
}

/** A paged list's loading, error and empty states around its rows, and the 加载更多 footer. */
export function PagedList({ list, emptyText, children }: PropsWithChildren<{ list: PagedState; emptyText: string }>) {
  return (
    <StateView loading={list.loading} hasData={list.items.length > 0} error={list.error} onRetry={list.reload} empty={!list.loading && list.items.length === 0} emptyText={emptyText}>
      {children}
      <MoreButton next={list.next} loading={list.loading} onMore={() => void list.more()} />
    </StateView>
  )
}

import type { PropsWithChildren } from 'react'
import { View, Text } from '@tarojs/components'
import { errorText } from '@/api/client'
import { BigButton } from '@/components/big-button'
import { goHome } from '@/components/not-found'
import './index.scss'

interface Props {
  loading?: boolean
  /** data already on screen: a reload keeps it visible (no flashing spinner) */
  hasData?: boolean
  error?: unknown
  /** true → show `emptyText` instead of the children */
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
}

/** The one loading / error / empty view; shows the children once there is data, and keeps them when a refresh fails. */
export function StateView({ loading, hasData, error, empty, emptyText = '这里还没有内容', onRetry, children }: PropsWithChildren<Props>) {
  if (error && hasData) {
    // a refresh failed: what was fetched before stays, the failure is said above it
    return (
      <>
        <View className='state-view__banner' data-state='refresh-error' data-testid='refresh-error' onClick={onRetry}>
          <Text>{errorText(error)}</Text>
          {onRetry && <Text className='state-view__retry'>点这里再试</Text>}
        </View>
        {children}
      </>
    )
  }
  if (error) {
    return (
      <View className='state-view' data-state='error'>
        <Text className='state-view__mark'>出错了</Text>
        <Text className='state-view__text'>{errorText(error)}</Text>
        {onRetry && <BigButton onClick={onRetry}>再试一次</BigButton>}
        <BigButton type='default' onClick={goHome}>回到首页</BigButton>
      </View>
    )
  }
  if (loading && !hasData) {
    return (
      <View className='state-view' data-state='loading'>
        <Text className='state-view__text'>正在加载，请稍等…</Text>
      </View>
    )
  }
  if (empty) {
    return (
      <View className='state-view' data-state='empty'>
        <Text className='state-view__text'>{emptyText}</Text>
      </View>
    )
  }
  return <>{children}</>
}

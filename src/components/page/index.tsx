import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useLargeText } from '@/hooks/use-large-text'

/** Every page's root: applies 大字模式 (CSS variables on .page--large) app-wide. */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [large] = useLargeText()
  return <View className={['page', large ? 'page--large' : '', className ?? ''].join(' ').trim()}>{children}</View>
}

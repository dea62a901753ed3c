import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useLargeText } from '@/hooks/use-large-text'
import { PrivacyPrompt } from '@/components/privacy-prompt'

/** Every page's root: applies 大字模式 (CSS variables on .page--large) app-wide, and shows the privacy prompt when WeChat asks. */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [large] = useLargeText()
  return (
    <View className={['page', large ? 'page--large' : '', className ?? ''].join(' ').trim()}>
      {children}
      <PrivacyPrompt />
    </View>
  )
}

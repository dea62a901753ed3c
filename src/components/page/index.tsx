import { useEffect, useRef, type PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useLargeText } from '@/hooks/use-large-text'
import { refreshVisible } from '@/hooks/use-query'
import { PrivacyPrompt } from '@/components/privacy-prompt'

/**
 * Every page's root: applies 大字模式 (CSS variables on .page--large) app-wide, shows the privacy
 * prompt when WeChat asks, and answers the pull-down (on for every page in app.config) by
 * refreshing what the page shows.
 */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [large] = useLargeText()
  usePullDownRefresh(() => {
    void refreshVisible().finally(() => void Taro.stopPullDownRefresh())
  })
  const root = useRef<typeof View>(null)
  useEffect(() => {
    // H5: the page scrolls in Taro's container; a keyboard can scroll it only if it can take focus
    if (process.env.TARO_ENV === 'h5') (root.current as unknown as HTMLElement | null)?.closest('.taro_page')?.setAttribute('tabindex', '0')
  }, [])
  return (
    <View ref={root} className={['page', large ? 'page--large' : '', className ?? ''].join(' ').trim()}>
      {children}
      <PrivacyPrompt />
    </View>
  )
}

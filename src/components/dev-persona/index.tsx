import Taro, { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { getDevOpenid } from '@/api/persona'

/**
 * H5 dev only: the persona switcher's way in. The weapp build takes index.weapp.tsx instead, so
 * no path to the (H5-only) switcher page ships in the mini-program.
 */
const SWITCHER = '/pages/dev-persona/index'

/** The first visit in a browser picks who to be (the local cloud needs a caller). */
export function useDevPersonaFirst(): void {
  useLoad(() => {
    if (!getDevOpenid()) void Taro.redirectTo({ url: SWITCHER })
  })
}

export function DevPersonaLink() {
  return (
    <View className='card row' onClick={() => void Taro.navigateTo({ url: SWITCHER })} data-testid='switch-persona'>
      <Text>切换身份（开发用）</Text>
      <Text>›</Text>
    </View>
  )
}

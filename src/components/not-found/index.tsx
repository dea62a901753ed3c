import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '@/components/big-button'

export const goHome = () => void Taro.reLaunch({ url: '/pages/home/index' })

/** A broken link, a deleted record, a page that does not exist: say so plainly and offer the way home. */
export function NotFound({ title, text = '链接不完整，或者已经删除。' }: { title: string; text?: string }) {
  return (
    <View className='card' data-testid='not-found'>
      <Text className='h-title'>{title}</Text>
      <View>{text}</View>
      <BigButton onClick={goHome}>回到首页</BigButton>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PERSONA_LIST } from '@core/demo/personas'
import { Page } from '@/components'
import { getDevOpenid, setDevOpenid } from '@/api/persona'
import './index.scss'

/**
 * H5 dev only (not in the weapp build): act as one of the seeded demo people. The local cloud's
 * dev entry takes the chosen OPENID as the caller, exactly as WeChat would supply it.
 */
export default function DevPersona() {
  const current = getDevOpenid()
  const pick = (openid: string) => {
    setDevOpenid(openid)
    void Taro.reLaunch({ url: '/pages/home/index' })
  }
  return (
    <Page>
      <View className='h-title'>您想以谁的身份体验？</View>
      <View className='h-sub persona-hint'>演示数据：幸福里社区。随时可以在「我的」里切换。</View>
      {PERSONA_LIST.map((p) => (
        <View
          key={p.openid}
          className={p.openid === current ? 'card persona persona--on' : 'card persona'}
          onClick={() => pick(p.openid)}
          data-testid={`persona-${p.openid}`}
        >
          <Text className='persona__name'>{p.name}</Text>
          <Text className='h-sub'>{p.label}</Text>
        </View>
      ))}
    </Page>
  )
}

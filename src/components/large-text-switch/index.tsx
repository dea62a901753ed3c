import { View, Text } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { useLargeText } from '@/hooks/use-large-text'

/** 大字模式 on/off; the whole row is the tap target, remembered on this phone. */
export function LargeTextSwitch() {
  const [on, set] = useLargeText()
  return (
    <View className='row card large-text-switch' onClick={() => set(!on)} data-testid='large-text-switch' data-on={on ? '1' : '0'}>
      <Text>大字模式</Text>
      <View onClick={(e) => e.stopPropagation()}>
        <Switch checked={on} onChange={(v: boolean) => set(v)} />
      </View>
    </View>
  )
}

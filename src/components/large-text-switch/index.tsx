import { View, Text } from '@tarojs/components'
import { useLargeText } from '@/hooks/use-large-text'
import { roleOf } from '@/lib/a11y'
import './index.scss'

/**
 * 大字模式 on/off, remembered on this phone. The whole row is one tap target with a drawn switch
 * (role switch + aria-checked for screen readers), so nothing but our own styles ships.
 */
export function LargeTextSwitch() {
  const [on, set] = useLargeText()
  return (
    <View
      className='row card large-text-switch'
      onClick={() => set(!on)}
      data-testid='large-text-switch'
      data-on={on ? '1' : '0'}
      {...roleOf('switch')}
      aria-checked={on}
      aria-label='大字模式'
    >
      <Text>大字模式</Text>
      <View className={`large-text-switch__track${on ? ' large-text-switch__track--on' : ''}`}>
        <View className='large-text-switch__knob' />
      </View>
    </View>
  )
}

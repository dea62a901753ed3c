import { View } from '@tarojs/components'
import './index.scss'

export interface Chip {
  value: string
  label: string
}

interface Props {
  options: readonly Chip[]
  /** selected values (one for single choice) */
  value: readonly string[]
  multiple?: boolean
  onChange: (value: string[]) => void
  testId?: string
}

/**
 * Big tap-to-pick buttons instead of a scrolling wheel: easier for older hands and eyes
 * (楼栋, 单元, skills, times).
 */
export function ChipPicker({ options, value, multiple, onChange, testId }: Props) {
  const toggle = (v: string) => {
    if (!multiple) return onChange([v])
    onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v])
  }
  return (
    <View className='chips' data-testid={testId}>
      {options.map((o) => {
        const on = value.includes(o.value)
        return (
          <View key={o.value} className={on ? 'chip chip--on' : 'chip'} onClick={() => toggle(o.value)} aria-selected={on}>
            {o.label}
          </View>
        )
      })}
    </View>
  )
}

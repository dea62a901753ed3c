import { View, Picker } from '@tarojs/components'
import { Field } from '@/components'
import { dateLabel, fromPicked, toPicked } from '@core/events/times'
import { DAY_MS as DAY } from '@core/china-time'

interface PickProps {
  label: string
  path: string
  at: number
  error: unknown
  testId: string
  onChange: (at: number) => void
  /** A day only (e.g. a date to perform by): no time of day. */
  dateOnly?: boolean
}

/** A date and a time of day (WeChat's own pickers: nothing to download, familiar to everyone). */
export function DateTime({ label, path, at, error, testId, onChange, dateOnly }: PickProps) {
  const v = toPicked(at)
  const today = toPicked(Date.now()).date
  return (
    <Field label={label} path={path} error={error}>
      <View className='picker-row'>
        <Picker className='picker-cell' mode='date' value={v.date} start={today} end={toPicked(Date.now() + 366 * DAY).date} onChange={(e) => onChange(fromPicked({ date: String(e.detail.value), time: v.time }))}>
          <View className='field-input picker-value' data-testid={`${testId}-date`} aria-label={`${label}日期：${dateLabel(v.date)}`}>
            {dateLabel(v.date)}
          </View>
        </Picker>
        {!dateOnly && (
          <Picker className='picker-cell' mode='time' value={v.time} onChange={(e) => onChange(fromPicked({ date: v.date, time: String(e.detail.value) }))}>
            <View className='field-input picker-value' data-testid={`${testId}-time`} aria-label={`${label}时间：${v.time}`}>
              {v.time}
            </View>
          </Picker>
        )}
      </View>
    </Field>
  )
}

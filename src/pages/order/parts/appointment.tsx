import { ChipPicker } from '@/components'
import { chinaParts, DAY_MS, HOUR_MS, startOfChinaDay } from '@core/china-time'

const DAYS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
const HOURS = [8, 9, 10, 11, 13, 14, 15, 16, 17]

/**
 * A booked date and time as big chips (the next ten days, then the hour): a wheel is hard for older
 * hands. Days and hours are China time, whatever the phone's zone.
 */
export function AppointmentPicker({ value, onChange }: { value: number | null; onChange: (at: number) => void }) {
  const today = startOfChinaDay(Date.now())
  const day = value ? String(startOfChinaDay(value)) : ''
  const hour = value ? chinaParts(value).h : 9
  const at = (dayStart: string, h: number) => onChange(Number(dayStart) + h * HOUR_MS)
  const label = (start: number) => `${chinaParts(start).m}月${chinaParts(start).d}日`
  return (
    <>
      <ChipPicker testId='appt-day' options={DAYS.map((i) => ({ value: String(today + i * DAY_MS), label: label(today + i * DAY_MS) }))} value={[day]} onChange={([d]) => at(d, hour)} />
      {value && <ChipPicker testId='appt-hour' options={HOURS.map((h) => ({ value: String(h), label: `${h}:00` }))} value={[String(hour)]} onChange={([h]) => at(day, Number(h))} />}
    </>
  )
}

import { ChipPicker } from '@/components'
import { dayjs } from '@/lib/dayjs'

const DAYS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
const HOURS = [8, 9, 10, 11, 13, 14, 15, 16, 17]

/** A booked date and time as big chips (the next ten days, then the hour): a wheel is hard for older hands. */
export function AppointmentPicker({ value, onChange }: { value: number | null; onChange: (at: number) => void }) {
  const picked = dayjs(value || undefined)
  const day = value ? picked.format('YYYY-MM-DD') : ''
  const at = (d: string, h: number) => onChange(dayjs(d).hour(h).valueOf())
  return (
    <>
      <ChipPicker
        testId='appt-day'
        options={DAYS.map((i) => ({ value: dayjs().add(i, 'day').format('YYYY-MM-DD'), label: dayjs().add(i, 'day').format('M月D日') }))}
        value={[day]}
        onChange={([d]) => at(d, value ? picked.hour() : 9)}
      />
      {value && <ChipPicker testId='appt-hour' options={HOURS.map((h) => ({ value: String(h), label: `${h}:00` }))} value={[String(picked.hour())]} onChange={([h]) => at(day, Number(h))} />}
    </>
  )
}

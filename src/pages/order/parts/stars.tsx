import { ChipPicker } from '@/components'

/** 1–5 stars as five big buttons. */
export function Stars({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <ChipPicker
      testId='stars'
      options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}星` }))}
      value={value ? [String(value)] : []}
      onChange={([v]) => onChange(Number(v))}
    />
  )
}

import { View, Input } from '@tarojs/components'
import { ChipPicker, Field } from '@/components'
import { useStructure } from '@/hooks/use-me'
import { allBuildings } from '@/lib/address'

export interface OtherParty {
  name: string
  phone: string
  buildingId: string
  room: string
}
export const NO_OTHER: OtherParty = { name: '', phone: '', buildingId: '', room: '' }

/** A phone only when one was typed (a neighbour may have none). */
export const phoneOrNot = (p: string): string | undefined => p.trim() || undefined

/** The other side as the contract takes it. */
export const othersOf = (o: OtherParty) => [{ name: o.name, phone: phoneOrNot(o.phone), side: 'respondent' as const, buildingId: o.buildingId || undefined, room: o.room }]

/** 对方是谁: a name, the room and the phone if known (only staff and the mediators see the phone). */
export function OtherPartyFields({ value, onChange, error }: { value: OtherParty; onChange: (o: OtherParty) => void; error: unknown }) {
  const set = (p: Partial<OtherParty>) => onChange({ ...value, ...p })
  const buildings = allBuildings(useStructure().data).map((b) => ({ value: b.id, label: b.name }))
  return (
    <>
      <View className='h-title'>对方是谁</View>
      <Field label='称呼' path='others.0.name' error={error}>
        <Input className='field-input order-text' data-testid='other-name' value={value.name} maxlength={20} placeholder='例如：502住户、对门张师傅' onInput={(e) => set({ name: e.detail.value })} />
      </Field>
      <Field label='住哪栋楼（知道的话）' path='others.0.buildingId' error={error}>
        <ChipPicker testId='other-building' options={buildings} value={[value.buildingId]} onChange={([b]) => set({ buildingId: b === value.buildingId ? '' : b })} />
      </Field>
      <Field label='门牌号（知道的话）' path='others.0.room' error={error}>
        <Input className='field-input order-text' data-testid='other-room' value={value.room} maxlength={10} onInput={(e) => set({ room: e.detail.value })} />
      </Field>
      <Field label='对方电话（知道的话，只有社区工作人员和调解员能看到）' path='others.0.phone' error={error}>
        <Input className='field-input order-text' type='number' data-testid='other-phone' value={value.phone} maxlength={11} onInput={(e) => set({ phone: e.detail.value })} />
      </Field>
    </>
  )
}

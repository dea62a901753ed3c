import { useEffect, useState } from 'react'
import { View, Input } from '@tarojs/components'
import type { Structure } from '@core/community/contract'
import type { UserView } from '@core/users/schemas'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { allBuildings } from '@/lib/address'

interface Props {
  profile: UserView | null
  structure: Structure
  onSaved: () => void
}

const FIELDS = ['name', 'phone', 'buildingId', 'unitId', 'room']

/** 姓名, 手机号, 住址 (楼栋 then 单元, as big buttons). First save makes a newcomer a resident. */
export function ProfileForm({ profile, structure, onSaved }: Props) {
  const [name, setName] = useState(profile?.name ?? '')
  const [phone, setPhone] = useState(profile?.phone ?? '')
  const [buildingId, setBuilding] = useState(profile?.buildingId ?? '')
  const [unitId, setUnit] = useState(profile?.unitId ?? '')
  const [room, setRoom] = useState(profile?.room ?? '')
  const [saved, setSaved] = useState(false)
  const save = useAction(api.users.updateProfile)
  useEffect(() => setSaved(false), [name, phone, buildingId, unitId, room])

  const buildings = allBuildings(structure)
  const units = buildings.find((b) => b.id === buildingId)?.units ?? []
  const submit = async () => {
    if ((await save.run({ name, phone, buildingId, unitId, room })) !== undefined) {
      setSaved(true)
      onSaved()
    }
  }

  return (
    <View className='card' data-testid='profile-form'>
      <View className='h-title'>{profile ? '我的资料' : '登记资料'}</View>
      <Field label='姓名' path='name' error={save.error}>
        <Input className='field-input' data-testid='name-input' value={name} maxlength={20} placeholder='例如：王秀英' onInput={(e) => setName(e.detail.value)} />
      </Field>
      <Field label='手机号' path='phone' error={save.error}>
        <Input className='field-input' data-testid='phone-input' type='number' value={phone} maxlength={11} placeholder='11位手机号' onInput={(e) => setPhone(e.detail.value)} />
      </Field>
      <Field label='住在哪栋楼' path='buildingId' error={save.error}>
        <ChipPicker
          testId='building-picker'
          options={buildings.map((b) => ({ value: b.id, label: b.name }))}
          value={buildingId ? [buildingId] : []}
          onChange={([b]) => {
            setBuilding(b)
            setUnit('')
          }}
        />
      </Field>
      {buildingId && (
        <Field label='哪个单元' path='unitId' error={save.error}>
          <ChipPicker testId='unit-picker' options={units.map((u) => ({ value: u.id, label: u.name }))} value={unitId ? [unitId] : []} onChange={([u]) => setUnit(u)} />
        </Field>
      )}
      <Field label='门牌号（可不填）' path='room' error={save.error}>
        <Input className='field-input' data-testid='room-input' value={room} maxlength={10} onInput={(e) => setRoom(e.detail.value)} />
      </Field>
      <FormError error={save.error} fields={FIELDS} testId='profile-error' />
      {saved && <View className='ok-text' data-testid='profile-saved'>已保存</View>}
      <BigButton onClick={submit} loading={save.pending}>
        保存
      </BigButton>
    </View>
  )
}

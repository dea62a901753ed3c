import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction, useQuery } from '@/hooks/use-query'
import { PROFESSIONS } from '@core/disputes/vocab'
import { TEAM_LABELS } from '@core/users/vocab'

type Profession = keyof typeof PROFESSIONS
const EMPTY = { kind: 'volunteer' as 'volunteer' | 'professional', openid: '', profession: '' as Profession | '', name: '', phone: '', days: '' }

/** The admin adds a mediator: an approved volunteer of the community (e.g. 银发先锋), or a professional who comes on fixed days. */
export function RosterForm({ onSaved }: { onSaved: () => void }) {
  const save = useAction(api.disputes.saveMediator)
  const volunteers = useQuery(api.users.listVolunteerApplications, { status: 'approved', limit: 50 })
  const [f, setF] = useState(EMPTY)
  const set = (p: Partial<typeof EMPTY>) => setF((x) => ({ ...x, ...p }))
  const who = f.kind === 'volunteer' ? { kind: 'volunteer' as const, openid: f.openid } : { kind: 'professional' as const, profession: f.profession as Profession, name: f.name, phone: f.phone }
  const submit = async () => {
    if (!(await save.run({ who, days: f.days }))) return
    setF(EMPTY)
    onSaved()
  }
  const volunteerChips = (volunteers.data?.items ?? []).map((v) => ({ value: v.openid, label: `${v.name}${v.team ? `（${TEAM_LABELS[v.team]}）` : ''}` }))
  return (
    <View className='card' data-testid='roster-form'>
      <View className='h-title'>添加调解员</View>
      <ChipPicker testId='roster-kind' options={[{ value: 'volunteer', label: '志愿者' }, { value: 'professional', label: '专业人员' }]} value={[f.kind]} onChange={([v]) => set({ kind: v as typeof f.kind })} />
      {f.kind === 'volunteer' ? (
        <Field label='哪位志愿者' path='who.openid' error={save.error}>
          <ChipPicker testId='roster-volunteer' options={volunteerChips} value={[f.openid]} onChange={([v]) => set({ openid: v })} />
        </Field>
      ) : (
        <>
          <Field label='职业' path='who.profession' error={save.error}>
            <ChipPicker testId='roster-profession' options={Object.entries(PROFESSIONS).map(([value, label]) => ({ value, label }))} value={[f.profession]} onChange={([v]) => set({ profession: v as Profession })} />
          </Field>
          <Field label='姓名' path='who.name' error={save.error}>
            <Input className='field-input order-text' data-testid='roster-name' value={f.name} maxlength={20} onInput={(e) => set({ name: e.detail.value })} />
          </Field>
          <Field label='电话' path='who.phone' error={save.error}>
            <Input className='field-input order-text' type='number' data-testid='roster-phone' value={f.phone} maxlength={11} onInput={(e) => set({ phone: e.detail.value })} />
          </Field>
        </>
      )}
      <Field label='固定哪天来' path='days' error={save.error}>
        <Input className='field-input order-text' data-testid='roster-days' value={f.days} maxlength={30} placeholder='例如：每月5日上午' onInput={(e) => set({ days: e.detail.value })} />
      </Field>
      <FormError error={save.error} fields={['who', 'days']} />
      <BigButton loading={save.pending} onClick={() => void submit()}>添加</BigButton>
    </View>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Textarea } from '@tarojs/components'
import type { UserView } from '@core/users/schemas'
import { api } from '@/api'
import { SKILLS, SKILL_LABELS, TIME_SLOTS, TIME_SLOT_LABELS, TEAMS, TEAM_LABELS, type Skill, type TimeSlot, type Team } from '@core/users/vocab'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'

const skillChips = SKILLS.map((s) => ({ value: s, label: SKILL_LABELS[s] }))
const timeChips = TIME_SLOTS.map((t) => ({ value: t, label: TIME_SLOT_LABELS[t] }))
const teamChips = TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] }))

/** 做志愿者: the application form, or where the application stands. */
export function VolunteerCard({ profile, isVolunteer, onChanged }: { profile: UserView | null; isVolunteer: boolean; onChanged: () => void }) {
  const app = profile?.volunteer
  if (isVolunteer) {
    return (
      <View className='card' data-testid='volunteer-status' data-status='approved'>
        <View className='h-title'>您是志愿者</View>
        <BigButton onClick={() => void Taro.navigateTo({ url: '/volunteer/pages/home/index' })}>去帮忙 / 接单</BigButton>
      </View>
    )
  }
  if (!profile) {
    return (
      <View className='card h-sub' data-testid='volunteer-status' data-status='guest'>
        登记资料后，可以申请做志愿者，帮助邻居。
      </View>
    )
  }
  if (app?.status === 'pending') {
    return (
      <View className='card' data-testid='volunteer-status' data-status='pending'>
        <View className='h-title'>志愿者申请已提交</View>
        <View className='h-sub'>网格员审核后就能开始帮忙了，请耐心等一等。</View>
      </View>
    )
  }
  return <ApplyForm rejectedReason={app?.status === 'rejected' ? app.reason : undefined} onDone={onChanged} />
}

const APPLY_FIELDS = ['skills', 'availableTimes', 'team', 'intro']

function ApplyForm({ rejectedReason, onDone }: { rejectedReason?: string; onDone: () => void }) {
  const [skills, setSkills] = useState<string[]>([])
  const [times, setTimes] = useState<string[]>([])
  const [team, setTeam] = useState<string[]>([])
  const [intro, setIntro] = useState('')
  const apply = useAction(api.users.applyVolunteer)
  const submit = async () => {
    const out = await apply.run({
      skills: skills as Skill[],
      availableTimes: times as TimeSlot[],
      ...(team[0] ? { team: team[0] as Team } : {}),
      ...(intro.trim() ? { intro: intro.trim() } : {}),
    })
    if (out) onDone()
  }
  return (
    <View className='card' data-testid='volunteer-form'>
      <View className='h-title'>申请做志愿者</View>
      {rejectedReason && <View className='error-text'>上次申请没有通过：{rejectedReason}。可以修改后再申请。</View>}
      <Field label='我会做（可多选）' path='skills' error={apply.error}>
        <ChipPicker testId='skill-picker' multiple options={skillChips} value={skills} onChange={setSkills} />
      </Field>
      <Field label='我方便的时间（可多选）' path='availableTimes' error={apply.error}>
        <ChipPicker testId='time-picker' multiple options={timeChips} value={times} onChange={setTimes} />
      </Field>
      <Field label='想加入的队伍（可不选）' path='team' error={apply.error}>
        <ChipPicker options={teamChips} value={team} onChange={(v) => setTeam(v[0] === team[0] ? [] : v)} />
      </Field>
      <Field label='说两句（可不填）' path='intro' error={apply.error} count={[intro.length, 200]}>
        <Textarea className='field-input field-textarea' value={intro} maxlength={200} placeholder='例如：退休电工，水电小修都会' onInput={(e) => setIntro(e.detail.value)} />
      </Field>
      <FormError error={apply.error} fields={APPLY_FIELDS} testId='volunteer-error' />
      <BigButton onClick={submit} loading={apply.pending}>
        提交申请
      </BigButton>
    </View>
  )
}

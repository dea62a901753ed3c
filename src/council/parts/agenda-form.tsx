import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import type { TopicView } from '@core/council/contract'

/**
 * The committee puts the session's agenda once the supports have closed: the qualified topics, most
 * supported first; a public reason for each one left out. Staff record it for a member without the app.
 */
export function AgendaForm({ sessionId, candidates, onSet }: { sessionId: string; candidates: TopicView[]; onSet: () => Promise<void> }) {
  const me = useMe()
  const committee = useQuery(api.council.committee, {})
  const put = useAction(api.council.setAgenda)
  const qualified = candidates.filter((t) => t.supports >= t.threshold).sort((a, b) => b.supports - a.supports || a.createdAt - b.createdAt)
  const [chosen, setChosen] = useState<string[]>([])
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [member, setMember] = useState('')
  const staff = me.has('staff', 'admin')
  const leftOut = qualified.filter((t) => !chosen.includes(t._id))
  const submit = async () => {
    if (!(await confirmFirst('定下这一场的议题？', '定了就不能再改，没选上的议题和理由会公开。', '定下'))) return
    const r = await put.run({ sessionId, chosen, reasons: Object.fromEntries(leftOut.map((t) => [t._id, reasons[t._id] ?? ''])), forMember: staff && member ? member : undefined })
    if (r) await onSet()
  }
  return (
    <View className='card' data-testid='agenda-form'>
      <Text className='h-title'>选题委员会定议题</Text>
      <View className='h-sub'>达到附议门槛的 {qualified.length} 个议题（附议多的在前），选要上会的</View>
      <ChipPicker testId='agenda-chosen' multiple options={qualified.map((t) => ({ value: t._id, label: `${t.title}（${t.supports}）` }))} value={chosen} onChange={setChosen} />
      {leftOut.map((t) => (
        <Field key={t._id} label={`「${t.title}」没选上的理由（公开）`} path={`reasons.${t._id}`} error={put.error}>
          <Input className='field-input order-text' data-testid={`agenda-reason-${t._id}`} value={reasons[t._id] ?? ''} maxlength={100} onInput={(e) => setReasons({ ...reasons, [t._id]: e.detail.value })} />
        </Field>
      ))}
      {staff && (
        <Field label='替哪位委员记录（委员没有手机时）' path='forMember' error={put.error}>
          <ChipPicker testId='agenda-member' options={(committee.data?.members ?? []).filter((m) => !m.hasApp).map((m) => ({ value: m.name, label: m.name }))} value={[member]} onChange={([m]) => setMember(m)} />
        </Field>
      )}
      <FormError error={put.error} fields={['chosen', 'reasons', 'forMember']} />
      <BigButton loading={put.pending} onClick={submit}>定下议题</BigButton>
    </View>
  )
}

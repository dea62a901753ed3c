import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { DateTime } from '@/components/date-time'
import { useAction, useQuery } from '@/hooks/use-query'
import { fromPicked, toPicked } from '@core/events/times'
import { DAY_MS } from '@core/china-time'

/** Tomorrow at nine, in the community's mediation room: the usual session. */
const usualSession = () => ({ at: fromPicked({ date: toPicked(Date.now() + DAY_MS).date, time: '09:00' }), place: '社区人民调解工作室' })
type Session = ReturnType<typeof usualSession>

function SessionFields({ value, onChange, error, testId }: { value: Session; onChange: (s: Session) => void; error: unknown; testId: string }) {
  return (
    <>
      <DateTime label='调解时间' path='session.at' at={value.at} error={error} testId={testId} onChange={(at) => onChange({ ...value, at })} />
      <Field label='地点' path='session.place' error={error}>
        <Input className='field-input order-text' data-testid={`${testId}-place`} value={value.place} maxlength={40} onInput={(e) => onChange({ ...value, place: e.detail.value })} />
      </Field>
    </>
  )
}

/** Staff: pick mediators from the community's roster and the first (or next) session — 指派调解员, 约时间地点. */
export function MediateForm({ disputeId, again, onDone }: { disputeId: string; again: boolean; onDone: () => Promise<void> }) {
  const roster = useQuery(api.disputes.roster, {})
  const mediate = useAction(api.disputes.mediate)
  const [chosen, setChosen] = useState<string[]>([])
  const [session, setSession] = useState(usualSession)
  const options = (roster.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m._id, label: `${m.title} ${m.name}（${m.days}）` }))
  return (
    <View className='card' data-testid='mediate-form'>
      <View className='h-title'>{again ? '重新调解' : '安排调解'}</View>
      <Field label='调解员（可选一到三位）' path='mediators' error={mediate.error}>
        <ChipPicker testId='mediate-who' multiple options={options} value={chosen} onChange={setChosen} />
      </Field>
      <SessionFields value={session} onChange={setSession} error={mediate.error} testId='session' />
      <FormError error={mediate.error} fields={['mediators', 'session']} />
      <BigButton loading={mediate.pending} onClick={async () => (await mediate.run({ disputeId, mediators: chosen, session })) && onDone()}>
        确定调解员和时间
      </BigButton>
    </View>
  )
}

/** Staff or a mediator: one more session while mediating. */
export function SessionForm({ disputeId, onDone }: { disputeId: string; onDone: () => Promise<void> }) {
  const add = useAction(api.disputes.addSession)
  const [session, setSession] = useState(usualSession)
  return (
    <View className='card' data-testid='session-form'>
      <View className='h-title'>再约一次调解</View>
      <SessionFields value={session} onChange={setSession} error={add.error} testId='next-session' />
      <FormError error={add.error} fields={['session']} />
      <BigButton type='default' loading={add.pending} onClick={async () => (await add.run({ disputeId, session })) && onDone()}>
        约好了
      </BigButton>
    </View>
  )
}

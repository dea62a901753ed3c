import { useEffect, useState } from 'react'
import { View, Input, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, Field, FormError, StateView } from '@/components'
import { useAction, useQuery } from '@/hooks/use-query'
import { useServerForm } from '@/hooks/use-server-form'
import { NoteForm } from '@/pages/order/parts/note-form'
import type { EventItem } from '@/pages/events/parts'
import { TimeFields } from './times'

const FIELDS = ['title', 'place', 'startAt', 'endAt', 'deadline']
const CANCEL_ASK = ['取消这个活动？', '已报名和候补的人会收到通知，没领的兑换积分退回，摊位上的礼品回到库存。取消后不能恢复。', '取消活动'] as const

const toForm = (e: EventItem) => ({ title: e.title, place: e.place, times: { startAt: e.startAt, endAt: e.endAt, deadline: e.deadline }, deadlineTouched: true })

/** Change a published event's name, place and times, or cancel it; the people signed up are told. */
export function EditEvent({ id }: { id: string }) {
  const q = useQuery(api.events.detail, { eventId: id })
  const update = useAction(api.events.update)
  const cancel = useAction(api.events.cancelEvent)
  const empty = { title: '', place: '', times: { startAt: 0, endAt: 0, deadline: 0 }, deadlineTouched: true }
  const { form, edit, saved } = useServerForm(q.data, toForm, empty)
  const [done, setDone] = useState('')
  useEffect(() => void Taro.setNavigationBarTitle({ title: '修改活动' }), [])
  const e = q.data
  const save = async () => {
    const out = await update.run({ eventId: id, title: form.title, place: form.place, ...form.times })
    if (!out) return
    saved()
    setDone('已保存，已报名和候补的人会收到变动通知')
  }
  const stop = async (reason: string) => {
    if (await cancel.run({ eventId: id, reason })) void Taro.redirectTo({ url: `/pages/events/detail/index?id=${id}` })
  }
  return (
    <StateView loading={q.loading} hasData={!!e} error={q.error} onRetry={q.reload}>
      {e && e.status === 'cancelled' && <View className='card error-text'>这个活动已取消{e.cancelReason ? `（${e.cancelReason}）` : ''}</View>}
      {e && e.status === 'published' && (
        <>
          <View className='card' data-testid='edit-form'>
            <Text className='h-title'>修改活动</Text>
            <Field label='活动名称' path='title' error={update.error}>
              <Input className='field-input' data-testid='title-input' value={form.title} onInput={(x) => edit((f) => ({ ...f, title: x.detail.value }))} />
            </Field>
            <Field label='地点' path='place' error={update.error}>
              <Input className='field-input' data-testid='place-input' value={form.place} onInput={(x) => edit((f) => ({ ...f, place: x.detail.value }))} />
            </Field>
            <TimeFields times={form.times} deadlineTouched={form.deadlineTouched} error={update.error} onChange={(times, deadlineTouched) => edit((f) => ({ ...f, times, deadlineTouched }))} />
            <FormError error={update.error} fields={FIELDS} testId='edit-error' />
            {done && <View className='ok-text' data-testid='edit-saved'>{done}</View>}
            <BigButton onClick={() => void save()} loading={update.pending}>保存修改</BigButton>
          </View>
          <View className='card' data-testid='cancel-event'>
            <NoteForm label='取消活动（写明原因，会告诉已报名的人）' placeholder='例如：暴雨预警，改期再通知' submit='取消活动' type='danger' pending={cancel.pending} testId='cancel-event-form' confirm={CANCEL_ASK} onSubmit={(reason) => void stop(reason)} />
            <FormError error={cancel.error} />
          </View>
        </>
      )}
    </StateView>
  )
}

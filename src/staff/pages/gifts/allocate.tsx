import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError, PagedList } from '@/components'
import { useAction } from '@/hooks/use-query'
import { usePaged } from '@/hooks/use-paged'
import { labelled } from '@/lib/a11y'
import { shortTime } from '@/lib/time'

/** Allocate booth stock of one gift to an upcoming (or running) event, or publish a new event with it. */
export function Allocate({ gift, onDone }: { gift: { id: string; name: string; free: number }; onDone: () => Promise<void> }) {
  const events = usePaged(api.events.list, { tab: 'upcoming', limit: 50 }, { idOf: (e) => e.id })
  const add = useAction(api.events.addBooth)
  const [eventId, setEventId] = useState('')
  const [stock, setStock] = useState('5')
  const [done, setDone] = useState('')
  const chips = events.items.map((e) => ({ value: e.id, label: `${e.title} · ${shortTime(e.startAt)}` }))
  const submit = async () => {
    const e = await add.run({ eventId, giftId: gift.id, stock: Number(stock) })
    if (!e) return
    const b = e.booths.find((x) => x.giftId === gift.id)
    setDone(`已分配到「${e.title}」，该摊位共 ${b?.stock ?? 0} 份`)
    await onDone()
  }
  return (
    <View className='card' data-testid='allocate'>
      <Text className='h-title'>把「{gift.name}」分配到活动摊位（还可分 {gift.free} 份）</Text>
      <Field label='选择活动' path='eventId' error={add.error}>
        <PagedList list={events} emptyText='没有即将开始的活动'>
          <ChipPicker testId='allocate-event' options={chips} value={eventId ? [eventId] : []} onChange={([v]) => setEventId(v ?? '')} />
        </PagedList>
      </Field>
      <View className='field-label'>分配数量（份）</View>
      <Input className='field-input' data-testid='allocate-stock' {...labelled('分配数量（份）')} type='number' value={stock} onInput={(e) => setStock(e.detail.value)} />
      <FormError error={add.error} fields={['eventId']} />
      {done && <View className='ok-text' data-testid='allocate-done'>{done}</View>}
      <BigButton onClick={() => void submit()} loading={add.pending}>分配</BigButton>
      <BigButton type='default' onClick={() => void Taro.navigateTo({ url: `/staff/pages/event-publish/index?giftId=${gift.id}` })}>发布新活动并设这个摊位</BigButton>
    </View>
  )
}

import { useEffect, useRef, useState } from 'react'
import { View, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction, useQuery } from '@/hooks/use-query'
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from '@core/events/model'
import { defaultDeadline, type EventTimes } from '@core/events/times'
import { quickStart, TimeFields } from './times'
import { labelled } from '@/lib/a11y'

const HOUR = 3600e3
const KINDS = EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))
const QUICK = [
  { value: 'now', label: '马上开始' },
  { value: 'today14', label: '今天下午2点' },
  { value: 'tomorrow9', label: '明天上午9点' },
] as const
const FIELDS = ['kind', 'title', 'place', 'startAt', 'endAt', 'deadline', 'capacity', 'points', 'booths']

const startingAt = (startAt: number): EventTimes => {
  const endAt = startAt + 2 * HOUR
  return { startAt, endAt, deadline: defaultDeadline({ startAt, endAt }) }
}

/** Publish an event, optionally with a gift booth. Big choices, few keystrokes. */
export function NewEvent({ isAdmin, giftId }: { isAdmin: boolean; giftId: string }) {
  const gifts = useQuery(api.points.gifts, { all: false })
  const publish = useAction(api.events.publish)
  const [kind, setKind] = useState<EventKind>('clinic')
  const [title, setTitle] = useState('')
  const [place, setPlace] = useState('社区活动室')
  const [times, setTimes] = useState<EventTimes>(() => startingAt(quickStart('tomorrow9')))
  const [deadlineTouched, setDeadlineTouched] = useState(false)
  const [capacity, setCapacity] = useState('30')
  const [points, setPoints] = useState('5')
  // the admin's attendance points are the default (积分规则)
  const rules = useQuery(api.points.rules, {})
  const pointsEdited = useRef(false)
  useEffect(() => {
    if (rules.data && !pointsEdited.current) setPoints(String(rules.data.attendancePoints))
  }, [rules.data])
  const [gift, setGift] = useState(giftId) // from the gift catalog: 分配到活动摊位
  const [stock, setStock] = useState('10')
  const submit = async () => {
    const e = await publish.run({
      kind, title, place, ...times, capacity: Number(capacity), points: Number(points),
      booths: gift ? [{ giftId: gift, stock: Number(stock) }] : [],
    })
    if (e) void Taro.redirectTo({ url: `/pages/events/detail/index?id=${e.id}` })
  }
  const quick = (q: (typeof QUICK)[number]['value']) => {
    setTimes(startingAt(quickStart(q)))
    setDeadlineTouched(false)
  }
  const giftChips = [{ value: '', label: '不设摊位' }, ...(gifts.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.name}（${g.price}分）` }))]
  const err = publish.error
  return (
    <View data-testid='publish-form'>
      <Field label='活动类型' path='kind' error={err}>
        <ChipPicker testId='kind-picker' options={KINDS} value={[kind]} onChange={([k]) => setKind(k as EventKind)} />
      </Field>
      <Field label='活动名称' path='title' error={err}>
        <Input className='field-input' data-testid='title-input' value={title} onInput={(e) => setTitle(e.detail.value)} placeholder='如：重阳节义诊' />
      </Field>
      <Field label='地点' path='place' error={err}>
        <Input className='field-input' data-testid='place-input' value={place} onInput={(e) => setPlace(e.detail.value)} />
      </Field>
      <ChipPicker testId='start-picker' options={QUICK} value={[]} onChange={([q]) => quick(q as (typeof QUICK)[number]['value'])} />
      <TimeFields times={times} deadlineTouched={deadlineTouched} error={err} onChange={(t, touched) => (setTimes(t), setDeadlineTouched(touched))} />
      <Field label='名额（人）' path='capacity' error={err}>
        <Input className='field-input' data-testid='capacity-input' type='number' value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
      </Field>
      <Field label='签到积分' path='points' error={err} hint={rules.data && !isAdmin ? `网格员最多设 ${2 * rules.data.attendancePoints} 分（积分规则的2倍），更多请找管理员` : undefined}>
        <Input
          className='field-input'
          data-testid='points-input'
          type='number'
          value={points}
          onInput={(e) => {
            pointsEdited.current = true
            setPoints(e.detail.value)
          }}
        />
      </Field>
      <Field label='现场兑换摊位' path='booths' error={err}>
        <ChipPicker testId='gift-picker' options={giftChips} value={[gift]} onChange={([g]) => setGift(g)} />
        {gift && <Input className='field-input' data-testid='stock-input' {...labelled('摊位上放几份')} type='number' value={stock} onInput={(e) => setStock(e.detail.value)} />}
      </Field>
      <FormError error={err} fields={FIELDS} testId='publish-error' />
      <BigButton onClick={() => void submit()} loading={publish.pending}>发布</BigButton>
    </View>
  )
}

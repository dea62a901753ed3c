import { useEffect, useRef, useState } from 'react'
import { View, Input } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, ChipPicker, FormError, Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from '@core/events/model'

const HOUR = 3600e3
const KINDS = EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))
const STARTS = [
  { value: 'now', label: '马上开始' },
  { value: 'tomorrow', label: '明天上午9点' },
  { value: 'after', label: '后天上午9点' },
]
const LENGTHS = [
  { value: '1', label: '1小时' },
  { value: '2', label: '2小时' },
  { value: '4', label: '半天' },
]

function startOf(choice: string): number {
  if (choice === 'now') return Date.now()
  const d = new Date()
  d.setDate(d.getDate() + (choice === 'tomorrow' ? 1 : 2))
  d.setHours(9, 0, 0, 0)
  return d.getTime()
}

/** 网格员 / 管理员: publish an event, optionally with a gift booth. Big choices, few keystrokes. */
export default function PublishPage() {
  const me = useMe()
  const gifts = useQuery(api.points.gifts, { all: false }, { enabled: me.has('staff', 'admin') })
  const publish = useAction(api.events.publish)
  const [kind, setKind] = useState<EventKind>('clinic')
  const [title, setTitle] = useState('')
  const [place, setPlace] = useState('社区活动室')
  const [start, setStart] = useState('tomorrow')
  const [len, setLen] = useState('2')
  const [capacity, setCapacity] = useState('30')
  const [points, setPoints] = useState('5')
  // the admin's attendance points are the default (积分规则)
  const rules = useQuery(api.points.rules, {}, { enabled: me.has('staff', 'admin') })
  const pointsEdited = useRef(false)
  useEffect(() => {
    if (rules.data && !pointsEdited.current) setPoints(String(rules.data.attendancePoints))
  }, [rules.data])
  const [gift, setGift] = useState(useRouter().params.giftId ?? '') // from the gift catalog: 分配到活动摊位
  const [stock, setStock] = useState('10')
  const submit = async () => {
    const startAt = startOf(start)
    const endAt = startAt + Number(len) * HOUR
    const e = await publish.run({
      kind, title, place, startAt, endAt, deadline: endAt, capacity: Number(capacity), points: Number(points),
      booths: gift ? [{ giftId: gift, stock: Number(stock) }] : [],
    })
    if (e) void Taro.redirectTo({ url: `/pages/events/detail/index?id=${e.id}` })
  }
  const giftChips = [{ value: '', label: '不设摊位' }, ...(gifts.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.name}（${g.price}分）` }))]
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <View className='field-label'>活动类型</View>
        <ChipPicker testId='kind-picker' options={KINDS} value={[kind]} onChange={([k]) => setKind(k as EventKind)} />
        <View className='field-label'>活动名称</View>
        <Input className='field-input' data-testid='title-input' value={title} onInput={(e) => setTitle(e.detail.value)} placeholder='如：重阳节义诊' />
        <View className='field-label'>地点</View>
        <Input className='field-input' data-testid='place-input' value={place} onInput={(e) => setPlace(e.detail.value)} />
        <View className='field-label'>开始时间</View>
        <ChipPicker testId='start-picker' options={STARTS} value={[start]} onChange={([s]) => setStart(s)} />
        <ChipPicker testId='length-picker' options={LENGTHS} value={[len]} onChange={([l]) => setLen(l)} />
        <View className='field-label'>名额（人）</View>
        <Input className='field-input' data-testid='capacity-input' type='number' value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
        <View className='field-label'>签到积分</View>
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
        {rules.data && !me.has('admin') && <View className='h-sub'>网格员最多设 {2 * rules.data.attendancePoints} 分（积分规则的2倍），更多请找管理员</View>}
        <View className='field-label'>现场兑换摊位</View>
        <ChipPicker testId='gift-picker' options={giftChips} value={[gift]} onChange={([g]) => setGift(g)} />
        {gift && <Input className='field-input' data-testid='stock-input' type='number' value={stock} onInput={(e) => setStock(e.detail.value)} />}
        <FormError error={publish.error} />
        <BigButton onClick={() => void submit()} loading={publish.pending}>发布</BigButton>
      </RoleGate>
    </Page>
  )
}

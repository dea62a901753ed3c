import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OutputOf } from '@core/contract/define'
import type { eventsFn } from '@core/events/contract'
import { EVENT_KIND_LABELS } from '@core/events/model'
import { shortTime } from '@/lib/time'

export type EventItem = OutputOf<typeof eventsFn.detail>

export const STATUS_TEXT: Record<string, string> = {
  registered: '已报名',
  waiting: '候补中',
  cancelled: '已取消',
  attended: '已签到',
  no_show: '未到场',
}

/** New id for a request the server may see twice (a retried tap): same id → same result. */
export const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

export function EventCard({ e }: { e: EventItem }) {
  return (
    <View className='card' data-testid={`event-${e.id}`} onClick={() => void Taro.navigateTo({ url: `/pages/events/detail/index?id=${e.id}` })}>
      <Text className='h-title'>{e.title}</Text>
      <View>{EVENT_KIND_LABELS[e.kind]} · {shortTime(e.startAt)} · {e.place}</View>
      <View className='h-sub'>
        名额 {e.capacity} 人{e.points > 0 ? ` · 签到得 ${e.points} 积分` : ''}{e.booths.length > 0 ? ' · 现场可兑换礼品' : ''}
      </View>
      {e.mine && <View className='ok-text'>{STATUS_TEXT[e.mine.status]}</View>}
    </View>
  )
}

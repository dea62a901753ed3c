import { View, Text } from '@tarojs/components'
import { categoryTitle } from '@core/orders/categories'
import type { StreetItem } from '@core/orders/schemas'
import { shortTime } from '@/lib/time'

/** A 大事 sent up to the street: which community, what, and the street's two clocks (answer, solve). */
export function StreetCaseCard({ o, community, onOpen }: { o: StreetItem; community: string; onOpen: () => void }) {
  const answered = o.street?.answeredAt ?? null
  return (
    <View className='card order-card' onClick={onOpen} data-testid={`street-case-${o._id}`} data-answered={answered ? 'yes' : 'no'}>
      <View className='row'>
        <Text className='order-card__title'>
          {community} · {categoryTitle(o.category)}
        </Text>
        <Text className={`status status--${answered ? 'accepted' : 'submitted'}`}>{answered ? '已答复' : '待答复'}</Text>
      </View>
      <View className='order-card__desc'>{o.triage?.note ?? o.description}</View>
      <View className='h-sub'>
        {answered ? `${shortTime(answered)} 已答复` : `请在 ${shortTime(o.clock.respondBy)} 前答复`}
        {o.clock.respondLate && <Text className='badge badge--overdue'>答复超时</Text>}
      </View>
      <View className='h-sub'>
        办结时限 {shortTime(o.clock.solveBy)}
        {o.clock.solveLate && <Text className='badge badge--overdue'>办结超时</Text>}
      </View>
    </View>
  )
}

/** On an order: what the street answered, or that the answer is awaited. */
export function StreetAnswer({ street }: { street: StreetItem['street'] }) {
  if (!street) return null
  return (
    <View className='card' data-testid='street-answer'>
      <View className='field-label'>街道答复</View>
      <View>{street.answer ?? '已上报街道，等待答复'}</View>
      {street.answeredAt && <View className='h-sub'>{shortTime(street.answeredAt)}</View>}
    </View>
  )
}

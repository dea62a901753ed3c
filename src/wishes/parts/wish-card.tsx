import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { WishView } from '@core/wishes/contract'
import { dateLabel } from '@core/events/times'
import { AGE_BAND_LABELS, WISH_KIND_LABELS, WISH_STATUS_LABELS } from '@core/wishes/vocab'

/** One wish as a donor sees it: the child only as an alias, an age band and a grade. */
export function WishCard({ w, url }: { w: WishView; url: string }) {
  return (
    <View className='card wish-card' data-testid={`wish-${w._id}`} onClick={() => void Taro.navigateTo({ url: `${url}?id=${w._id}` })}>
      <Text className='h-title'>{w.title}</Text>
      <View className='h-sub'>{w.alias} · {AGE_BAND_LABELS[w.ageBand]} · {w.grade} · {WISH_KIND_LABELS[w.kind]}{w.priceCap ? `（不超过${w.priceCap}元）` : ''}</View>
      <View className='wish-line'>{w.occasion}前（{dateLabel(w.targetDate)}）· {WISH_STATUS_LABELS[w.status]}{w.shares > 1 ? ` · 还剩 ${w.sharesLeft}/${w.shares} 份` : ''}</View>
      {w.mine && <View className='ok-text'>我认领了 {w.mine.shares} 份</View>}
    </View>
  )
}

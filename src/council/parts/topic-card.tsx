import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { TopicView } from '@core/council/contract'
import { TOPIC_STATUS_LABELS } from '@core/council/topics'
import { shortDate } from '@/lib/time'

export const TOPIC_PAGE = '/council/pages/topic/index'

/** One topic in a list: title, who raised it, where it stands; tap for the whole of it. */
export function TopicCard({ t }: { t: TopicView }) {
  return (
    <View className='card topic-card' data-testid={`topic-${t._id}`} onClick={() => void Taro.navigateTo({ url: `${TOPIC_PAGE}?id=${t._id}` })}>
      <Text className='h-title'>{t.title}</Text>
      <View className='h-sub'>{t.raisedBy} · {shortDate(t.createdAt)}</View>
      <View data-testid='topic-status'>
        {TOPIC_STATUS_LABELS[t.status]}
        {t.status === 'accepted' ? ` · 附议 ${t.supports}/${t.threshold}${t.mine ? '（您家已附议）' : ''}` : ''}
      </View>
    </View>
  )
}

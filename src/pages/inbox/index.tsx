import Taro from '@tarojs/taro'
import { orderPageOf } from '@core/orders/notice-pages'
import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { Page, PagedList } from '@/components'
import { useAction } from '@/hooks/use-query'
import { fromNow } from '@/lib/time'
import { usePaged } from '@/hooks/use-paged'

/** 消息: notices about my orders, tasks, events, topics and cases, newest first; tapping one opens what it is about. */
export default function Inbox() {
  const list = usePaged(api.orders.inbox, { limit: 20 })
  const mark = useAction(api.orders.markRead)
  const open = async (n: { _id: string; kind: string; orderId: string | null; eventId: string | null; topicId: string | null; disputeId: string | null }) => {
    await mark.run({ ids: [n._id] })
    if (n.orderId) void Taro.navigateTo({ url: `/${orderPageOf(n.kind)}?id=${n.orderId}` })
    else if (n.eventId) void Taro.navigateTo({ url: `/pages/events/detail/index?id=${n.eventId}` })
    else if (n.topicId) void Taro.navigateTo({ url: `/council/pages/topic/index?id=${n.topicId}` })
    else if (n.disputeId) void Taro.navigateTo({ url: `/disputes/pages/case/index?id=${n.disputeId}` })
  }
  return (
    <Page>
      <View className='card row' onClick={async () => (await mark.run({})) && list.reload()} data-testid='mark-all-read'>
        <Text>全部标为已读</Text>
      </View>
      <PagedList list={list} emptyText='还没有消息'>
        <View data-testid='notices'>
          {list.items.map((n) => (
            <View key={n._id} className='card' data-testid={`notice-${n.kind}`} onClick={() => void open(n)}>
              <View className='row'>
                <Text className={n.read ? '' : 'order-card__title'}>{n.title}</Text>
                {!n.read && <Text className='badge badge--urgent'>新</Text>}
              </View>
              <View className='h-sub'>
                {n.body} · {fromNow(n.at)}
              </View>
            </View>
          ))}
        </View>
      </PagedList>
    </Page>
  )
}

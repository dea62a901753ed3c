import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PagedList, type PagedState } from '@/components'
import { categoryTitle } from '@core/orders/categories'
import { STATUS_LABELS, URGENCY_LABELS } from '@core/orders/vocab'
import type { OrderSummary } from '@core/orders/schemas'
import { fromNow, shortTime } from '@/lib/time'
import './parts.scss'

/**
 * One order in a list: what, where, status; tap opens its page. `points`: what it pays (the
 * volunteers' pool); `staff`: whom it serves, its 单号 and who holds it (the staff lists).
 */
export function OrderCard({ o, onOpen, points, staff }: { o: OrderSummary; onOpen: () => void; points?: boolean; staff?: boolean }) {
  return (
    <View className='card order-card' onClick={onOpen} data-testid={`order-${o._id}`} data-status={o.status}>
      <View className='row'>
        <Text className='order-card__title'>{categoryTitle(o.category)}</Text>
        <Text className={`status status--${o.status}`}>{STATUS_LABELS[o.status]}</Text>
      </View>
      <View className='order-card__desc'>{o.description}</View>
      {staff && (
        <View className='h-sub' data-testid='order-card-who'>
          {o.servedName ?? o.contactName} · 单号 {o.no}
          {o.volunteerName ? ` · 志愿者 ${o.volunteerName}` : o.assigneeName && ` · 指派给 ${o.assigneeName}`}
        </View>
      )}
      <View className='h-sub'>
        {o.appointmentAt && `预约 ${shortTime(o.appointmentAt)} · `}
        {o.address} · {fromNow(o.createdAt)}
        {o.urgency === 'urgent' && <Text className='badge badge--urgent'>{URGENCY_LABELS.urgent}</Text>}
        {o.overdue && <Text className='badge badge--overdue'>超时</Text>}
        {o.reopenCount > 0 && <Text className='badge'>重新打开</Text>}
        {o.proxy && <Text className='badge'>代下单</Text>}
        {points && <Text className='badge'>积分 {o.points}</Text>}
      </View>
    </View>
  )
}

interface ListProps {
  list: PagedState<OrderSummary>
  emptyText: string
  testId: string
  /** page that opens an order, e.g. (id) => `/pages/order/detail/index?id=${id}` */
  urlOf: (id: string) => string
  points?: boolean
  staff?: boolean
}

/** A paged list of orders with its loading, error and empty states and a 加载更多 footer. */
export function OrderList({ list, emptyText, testId, urlOf, points, staff }: ListProps) {
  return (
    <PagedList list={list} emptyText={emptyText}>
      <View data-testid={testId}>
        {list.items.map((o) => (
          <OrderCard key={o._id} o={o} points={points} staff={staff} onOpen={() => void Taro.navigateTo({ url: urlOf(o._id) })} />
        ))}
      </View>
    </PagedList>
  )
}

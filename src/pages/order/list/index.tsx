import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Page, StateView } from '@/components'
import { MoreButton, OrderCard } from '../parts/order-card'
import { usePaged } from '../parts/use-paged'

/** 我的单子: mine and ordered for me, newest first. */
export default function MyOrders() {
  const list = usePaged(api.orders.mine, { limit: 20 })
  return (
    <Page>
      <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/order/new/index' })}>我要点单</BigButton>
      <View className='h-sub' />
      <StateView loading={list.loading} hasData={list.items.length > 0} error={list.error} onRetry={list.reload} empty={!list.loading && list.items.length === 0} emptyText='还没有单子。有需要就点上面的按钮。'>
        <View data-testid='my-orders'>
          {list.items.map((o) => (
            <OrderCard key={o._id} o={o} onOpen={() => void Taro.navigateTo({ url: `/pages/order/detail/index?id=${o._id}` })} />
          ))}
        </View>
        <MoreButton next={list.next} loading={list.loading} onMore={() => void list.more()} />
      </StateView>
    </Page>
  )
}

import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Page } from '@/components'
import { OrderList } from '../parts/order-card'
import { usePaged } from '@/hooks/use-paged'

/** 我的单子: mine and ordered for me, newest first. */
export default function MyOrders() {
  const list = usePaged(api.orders.mine, { limit: 20 })
  return (
    <Page>
      <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/order/new/index' })}>我要点单</BigButton>
      <View className='h-sub' />
      <OrderList list={list} testId='my-orders' emptyText='还没有单子。有需要就点上面的按钮。' urlOf={(id) => `/pages/order/detail/index?id=${id}`} />
    </Page>
  )
}

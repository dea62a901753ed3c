import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { OrderList } from '@/pages/order/parts/order-card'
import { usePaged } from '@/hooks/use-paged'

/** 派单: the grid's queue — overdue, reopened, new, then escalated ones being followed up. */
export default function Triage() {
  const me = useMe()
  const list = usePaged(api.orders.triageQueue, { limit: 20 })
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin', 'street_admin']}>
        {me.has('street_admin') && !me.has('staff', 'admin') && <View className='h-sub' data-testid='read-only'>只读：{'街道管理员查看社区的派单，不显示居民电话'}</View>}
        <View className='card row' data-testid='to-sla' onClick={() => void Taro.navigateTo({ url: '/staff/pages/sla/index' })}>
          超时时限 ›
        </View>
        <OrderList list={list} testId='triage-queue' emptyText='没有待处理的单子' urlOf={(id) => `/staff/pages/triage-order/index?id=${id}`} />
      </RoleGate>
    </Page>
  )
}

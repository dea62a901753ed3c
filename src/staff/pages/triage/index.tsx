import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { MoreButton, OrderCard } from '@/pages/order/parts/order-card'
import { usePaged } from '@/pages/order/parts/use-paged'

/** 派单: the grid's queue — overdue, reopened, new, then escalated ones being followed up. */
export default function Triage() {
  const me = useMe()
  const list = usePaged(api.orders.triageQueue, { limit: 20 })
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <StateView loading={list.loading} hasData={list.items.length > 0} error={list.error} onRetry={list.reload} empty={!list.loading && list.items.length === 0} emptyText='没有待处理的单子'>
          <View data-testid='triage-queue'>
            {list.items.map((o) => (
              <OrderCard key={o._id} o={o} onOpen={() => void Taro.navigateTo({ url: `/staff/pages/triage-order/index?id=${o._id}` })} />
            ))}
          </View>
          <MoreButton next={list.next} loading={list.loading} onMore={() => void list.more()} />
        </StateView>
      </RoleGate>
    </Page>
  )
}

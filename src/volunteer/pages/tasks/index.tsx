import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { ChipPicker, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { MoreButton, OrderCard } from '@/pages/order/parts/order-card'
import { usePaged } from '@/pages/order/parts/use-paged'

/** 我的任务: orders I accepted, newest first. */
export default function Tasks() {
  const me = useMe()
  const [scope, setScope] = useState<'active' | 'all'>('active')
  const list = usePaged(api.orders.tasks, { limit: 20, scope })
  return (
    <Page>
      <RoleGate me={me} roles={['volunteer']}>
        <ChipPicker
          options={[
            { value: 'active', label: '进行中' },
            { value: 'all', label: '全部' },
          ]}
          value={[scope]}
          onChange={([s]) => setScope(s as 'active' | 'all')}
        />
        <StateView loading={list.loading} hasData={list.items.length > 0} error={list.error} onRetry={list.reload} empty={!list.loading && list.items.length === 0} emptyText='还没有任务，去接单大厅看看吧'>
          <View data-testid='tasks'>
            {list.items.map((o) => (
              <OrderCard key={o._id} o={o} onOpen={() => void Taro.navigateTo({ url: `/volunteer/pages/order/index?id=${o._id}` })} />
            ))}
          </View>
          <MoreButton next={list.next} loading={list.loading} onMore={() => void list.more()} />
        </StateView>
      </RoleGate>
    </Page>
  )
}

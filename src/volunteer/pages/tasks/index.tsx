import { useState } from 'react'
import { api } from '@/api'
import { ChipPicker, Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { OrderList } from '@/pages/order/parts/order-card'
import { usePaged } from '@/hooks/use-paged'

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
        <OrderList list={list} testId='tasks' emptyText='还没有任务，去接单大厅看看吧' urlOf={(id) => `/volunteer/pages/order/index?id=${id}`} />
      </RoleGate>
    </Page>
  )
}

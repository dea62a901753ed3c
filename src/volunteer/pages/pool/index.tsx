import { useState } from 'react'
import { CATEGORY_GROUPS, CATEGORY_LABELS, type Category } from '@core/orders/categories'
import type { Urgency } from '@core/orders/vocab'
import { api } from '@/api'
import { ChipPicker, Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { OrderList } from '@/pages/order/parts/order-card'
import { usePaged } from '@/hooks/use-paged'

/** 接单大厅: open orders I may take, urgent first; filter by kind and urgency. */
export default function Pool() {
  const me = useMe()
  const [group, setGroup] = useState('all')
  const [urgency, setUrgency] = useState<'all' | Urgency>('all')
  const items = CATEGORY_GROUPS.find((g) => g.id === group)?.items
  const [category, setCategory] = useState<Category | undefined>()
  const list = usePaged(api.orders.pool, { limit: 20, category, urgency: urgency === 'all' ? undefined : urgency })
  return (
    <Page>
      <RoleGate me={me} roles={['volunteer']}>
        <ChipPicker
          testId='pool-group'
          options={[{ value: 'all', label: '全部' }, ...CATEGORY_GROUPS.map((g) => ({ value: g.id, label: g.label }))]}
          value={[group]}
          onChange={([g]) => {
            setGroup(g)
            const one = CATEGORY_GROUPS.find((x) => x.id === g)?.items
            setCategory(one?.length === 1 ? one[0] : undefined)
          }}
        />
        {items && items.length > 1 && (
          <ChipPicker options={items.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} value={category ? [category] : []} onChange={([c]) => setCategory(c as Category)} />
        )}
        <ChipPicker
          testId='pool-urgency'
          options={[
            { value: 'all', label: '不限' },
            { value: 'urgent', label: '只看急的' },
          ]}
          value={[urgency]}
          onChange={([u]) => setUrgency(u as 'all' | Urgency)}
        />
        <OrderList list={list} testId='pool' points emptyText='现在没有等人接的单子，谢谢您' urlOf={(id) => `/volunteer/pages/order/index?id=${id}`} />
      </RoleGate>
    </Page>
  )
}

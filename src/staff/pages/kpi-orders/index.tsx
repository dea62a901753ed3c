import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { FIGURE_LABELS, type Figure } from '@core/kpis/vocab'
import { CATEGORY_LABELS, type Category } from '@core/orders/categories'
import { api } from '@/api'
import { Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { usePaged } from '@/hooks/use-paged'
import { OrderList } from '@/pages/order/parts/order-card'

/** The orders behind a figure of the dashboard (e.g. 解决 of November, in one grid or category). */
export default function KpiOrders() {
  const p = useRouter().params
  const me = useMe()
  const figure = (p.figure && p.figure in FIGURE_LABELS ? p.figure : 'collected') as Figure
  const input = { limit: 20, figure, month: p.month || undefined, gridId: p.gridId || undefined, communityId: p.communityId || undefined, category: (p.category || undefined) as Category | undefined }
  const list = usePaged(api.kpis.orders, input)
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin', 'street_admin']}>
        <View className='h-title' data-testid='kpi-orders-title'>
          {p.month ? `${Number(p.month.slice(5))}月` : '本月'}「{FIGURE_LABELS[figure]}」的单子{input.category ? ` · ${CATEGORY_LABELS[input.category]}` : ''}
        </View>
        <OrderList list={list} staff testId='kpi-orders' emptyText='没有这样的单子' urlOf={(id) => `/staff/pages/triage-order/index?id=${id}`} />
      </RoleGate>
    </Page>
  )
}

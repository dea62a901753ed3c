import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Input } from '@tarojs/components'
import { STAGE_LABELS, STAGES, type OrderStage } from '@core/orders/vocab'
import { api } from '@/api'
import { ChipPicker, Page, RoleGate } from '@/components'
import { useMe, useStructure } from '@/hooks/use-me'
import { OrderList } from '@/pages/order/parts/order-card'
import { usePaged } from '@/hooks/use-paged'
import { labelled } from '@/lib/a11y'

type Tab = OrderStage | 'all'
const TABS = [...STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })), { value: 'all', label: '全部' }]
const EMPTY: Record<Tab, string> = {
  to_dispatch: '没有等着派的单子',
  to_accept: '没有等志愿者接的单子',
  serving: '没有正在服务的单子',
  to_confirm: '没有等居民确认的单子',
  finished: '还没有办完的单子',
  escalated: '没有上报跟进中的事',
  all: '还没有单子',
}

/**
 * 派单和跟进: the grid's orders by stage — 待分派 first (overdue, reopened, then new) — so an order
 * is found again after it is dispatched; or, across stages, by a resident's name, a 单号 or a building.
 */
export default function Triage() {
  const me = useMe()
  const [tab, setTab] = useState<Tab>('to_dispatch')
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [building, setBuilding] = useState('')
  const searching = !!q || !!building
  const list = usePaged(api.orders.staffOrders, searching ? { limit: 20, q: q || undefined, buildingId: building || undefined } : { limit: 20, stage: tab })
  const clear = () => (setTyped(''), setQ(''), setBuilding(''))
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin', 'street_admin']}>
        {me.has('street_admin') && !me.has('staff', 'admin') && <View className='h-sub' data-testid='read-only'>只读：{'街道管理员查看社区的派单，不显示居民电话'}</View>}
        {searching ? (
          <View className='row' data-testid='search-on'>
            <View className='field-label'>找到的单子（不分阶段）</View>
            <View className='chip' data-testid='search-clear' onClick={clear}>
              清除搜索
            </View>
          </View>
        ) : (
          <ChipPicker testId='stage-tabs' options={TABS} value={[tab]} onChange={([t]) => setTab(t as Tab)} />
        )}
        <View className='row'>
          <Input
            className='field-input order-text'
            data-testid='order-search'
            {...labelled('居民姓名或单号')}
            value={typed}
            placeholder='找单子：居民姓名或单号'
            confirmType='search'
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => setQ(typed.trim())}
          />
          <View className='chip picker-go' data-testid='order-search-go' onClick={() => setQ(typed.trim())}>
            搜索
          </View>
        </View>
        <BuildingChips grids={me.data?.scopes.grids ?? []} whole={me.has('admin', 'street_admin')} value={building} onChange={setBuilding} />
        <OrderList
          list={list}
          staff
          testId='staff-orders'
          emptyText={searching ? '没有找到，换个名字、单号或楼栋试试' : EMPTY[tab]}
          urlOf={(id) => `/staff/pages/triage-order/index?id=${id}`}
        />
        <View className='card row' data-testid='to-sla' onClick={() => void Taro.navigateTo({ url: '/staff/pages/sla/index' })}>
          超时时限 ›
        </View>
      </RoleGate>
    </Page>
  )
}

/** The buildings of one's grids (an admin's: the community's): tap one to see its orders, tap again to stop. */
function BuildingChips({ grids, whole, value, onChange }: { grids: string[]; whole: boolean; value: string; onChange: (b: string) => void }) {
  const structure = useStructure()
  const buildings = (structure.data?.grids ?? []).filter((g) => whole || grids.includes(g.id)).flatMap((g) => g.buildings)
  if (!buildings.length) return null
  return (
    <>
      <View className='field-label'>按楼栋找</View>
      <ChipPicker
      testId='building-filter'
      options={buildings.map((b) => ({ value: b.id, label: b.name }))}
      value={value ? [value] : []}
      onChange={([b]) => onChange(b === value ? '' : b)}
      />
    </>
  )
}

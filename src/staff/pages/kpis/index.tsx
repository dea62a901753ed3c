import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DashboardView } from '@core/kpis/contract'
import { chinaMonth, chinaYear } from '@core/china-time'
import { api } from '@/api'
import { call } from '@/api/client'
import { ChipPicker, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useQuery } from '@/hooks/use-query'
import { CsvButton } from '../../lib/csv-button'
import { reportFileName } from '../../lib/csv-name'
import { shiftMonth } from '@core/kpis/vocab'
import { monthLabel } from '../../parts/kpi/format'
import { MonthChart } from '../../parts/kpi/month-chart'
import { CouncilFigures } from '../../parts/kpi/council-figures'
import { DisputeFigures } from '../../parts/kpi/dispute-figures'
import { FreezeCard } from '../../parts/kpi/freeze'
import { MoreFigures, RateCards } from '../../parts/kpi/rate-cards'
import { CategoryTable, Hotspots, ResponseBars, UnitList } from '../../parts/kpi/tables'
import '../../parts/kpi/kpi.scss'

/**
 * 三率和数字: a 网格员 their grids, an admin the community's grids, a 街道管理员 the street's
 * communities — for a month (this one by default); every figure opens the orders behind it.
 */
export default function Kpis() {
  const me = useMe()
  const [month, setMonth] = useState<string | undefined>()
  const [unit, setUnit] = useState('')
  const [units, setUnits] = useState<DashboardView['units']>([])
  const street = me.has('street_admin')
  const scope = unit ? (street ? { communityId: unit } : { gridId: unit }) : {}
  const q = useQuery(api.kpis.dashboard, { month, ...scope }, { enabled: me.has('staff', 'admin', 'street_admin') })
  const d = q.data
  // the chips keep every unit while the dashboard shows one of them
  if (d && !unit && d.units.length && d.units.map((u) => u.id).join() !== units.map((u) => u.id).join()) setUnits(d.units)
  const params = `month=${d?.month ?? ''}${unit ? (street ? `&communityId=${unit}` : `&gridId=${unit}`) : ''}`
  const ordersUrl = (figure: string, extra = '') => `/staff/pages/kpi-orders/index?figure=${figure}&${params}${extra}`
  const noun = street ? '社区' : '网格'
  const scopeName = units.find((u) => u.id === unit)?.name ?? (street ? '全街道' : '全部')
  const thisYear = chinaYear(Date.now())
  const pastMonth = !!d && d.month < chinaMonth(Date.now()).key
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin', 'street_admin']}>
        {d && (
          <View className='row kpi-month' data-testid='kpi-month'>
            <View className='chip' data-testid='month-prev' onClick={() => setMonth(shiftMonth(d.month, -1))}>‹ 上个月</View>
            <Text className='h-title'>{monthLabel(d.month, thisYear)}</Text>
            <View className='chip' data-testid='month-next' onClick={() => setMonth(shiftMonth(d.month, 1))}>下个月 ›</View>
          </View>
        )}
        {units.length > 1 && (
          <ChipPicker testId='kpi-scope' options={[{ value: '', label: street ? '全街道' : '全部网格' }, ...units.map((u) => ({ value: u.id, label: u.name }))]} value={[unit]} onChange={([v]) => setUnit(v)} />
        )}
        <StateView loading={q.loading} hasData={!!d} error={q.error} onRetry={q.reload}>
          {d && (
            <>
              <RateCards t={d.totals} ordersUrl={ordersUrl} />
              <View className='card kpi-row' data-testid='kpi-collected' onClick={() => void Taro.navigateTo({ url: ordersUrl('collected') })}>
                看本月收集的 {d.totals.collected} 件单子 ›
              </View>
              <MoreFigures t={d.totals} ordersUrl={ordersUrl} />
              <MonthChart months={d.months} thisYear={thisYear} />
              {d.units.length > 1 && <UnitList units={d.units} onPick={setUnit} noun={noun} />}
              <CategoryTable categories={d.categories} ordersUrl={ordersUrl} />
              <ResponseBars hist={d.responseHist} totals={d.totals} />
              <Hotspots hotspots={d.hotspots} />
              {!street && <CouncilFigures month={d.month} />}
              {!street && <DisputeFigures />}
              {pastMonth && !unit && me.has('admin', 'street_admin') && <FreezeCard month={d.month} label={monthLabel(d.month, thisYear)} />}
              <CsvButton label='导出数字（含口径说明）' fileName={reportFileName('三率', scopeName, d.month)} csv={async () => (await call(api.kpis.export, { what: 'figures', month: d.month, ...scope })).csv} testId='csv-figures' />
              <CsvButton label='导出本月单子明细' fileName={reportFileName('单子明细', scopeName, d.month)} csv={async () => (await call(api.kpis.export, { what: 'orders', month: d.month, ...scope })).csv} testId='csv-orders' />
            </>
          )}
        </StateView>
      </RoleGate>
    </Page>
  )
}

import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DashboardView } from '@core/kpis/contract'
import { CATEGORY_LABELS, type Category } from '@core/orders/categories'
import { hoursText, pct } from './format'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** Grids (or communities): solve rate with n, ranked only with 5 orders and 5 ratings; a tap narrows the dashboard to it. */
export function UnitList({ units, onPick, noun }: { units: DashboardView['units']; onPick: (id: string) => void; noun: string }) {
  return (
    <View className='card' data-testid='kpi-units'>
      <View className='field-label'>各{noun}</View>
      {units.map((u) => (
        <View key={u.id} className='row kpi-row' data-testid={`kpi-unit-${u.id}`} onClick={() => onPick(u.id)}>
          <Text>{u.rank ? `第${u.rank}名 ` : ''}{u.name}</Text>
          <Text className='h-sub'>
            解决率 {pct(u.figures.solveRate.value)}（{u.figures.solved}/{u.figures.collected}）{u.rank ? '' : ' · 不足5件或5个评价，不排名'}
          </Text>
        </View>
      ))}
    </View>
  )
}

const GROUPS: [string, string[]][] = [
  ['待办', ['submitted', 'open', 'accepted', 'in_service', 'escalated']],
  ['待确认', ['done']],
  ['完成', ['confirmed', 'closed']],
  ['其他', ['referred', 'rejected', 'cancelled']],
]

/** Category × state: how many of each kind of request, and where they stand; a tap on a row lists them. */
export function CategoryTable({ categories, ordersUrl }: { categories: DashboardView['categories']; ordersUrl: (figure: string, extra?: string) => string }) {
  if (!categories.length) return null
  return (
    <View className='card' data-testid='kpi-categories'>
      <View className='field-label'>各类求助和进展</View>
      <View className='kpi-table__head row'>
        <Text className='kpi-table__name'>类别</Text>
        <Text className='kpi-table__num'>收集</Text>
        {GROUPS.map(([label]) => <Text key={label} className='kpi-table__num'>{label}</Text>)}
      </View>
      {categories.map((c) => (
        <View key={c.category} className='row kpi-row' data-testid={`kpi-category-${c.category}`} onClick={go(ordersUrl('collected', `&category=${c.category}`))}>
          <Text className='kpi-table__name'>{CATEGORY_LABELS[c.category as Category] ?? c.category}</Text>
          <Text className='kpi-table__num'>{c.collected}</Text>
          {GROUPS.map(([label, statuses]) => <Text key={label} className='kpi-table__num'>{statuses.reduce((s, k) => s + (c.byStatus[k] ?? 0), 0)}</Text>)}
        </View>
      ))}
    </View>
  )
}

const BAND = ['1小时内', '2小时内', '4小时内', '8小时内', '1天内', '2天内', '3天内', '一周内', '一周以上']

/** How fast staff answered: a bar per band. */
export function ResponseBars({ hist, totals }: { hist: DashboardView['responseHist']; totals: DashboardView['totals'] }) {
  const max = Math.max(1, ...hist.counts)
  return (
    <View className='card' data-testid='kpi-response'>
      <View className='field-label'>多快有人处理</View>
      <View className='h-sub'>一半在{hoursText(totals.responseMedian)}，九成在{hoursText(totals.responseP90)}</View>
      {hist.counts.map((n, i) => (
        <View key={BAND[i]} className='row kpi-hbar'>
          <Text className='kpi-hbar__label'>{BAND[i]}</Text>
          <View className='kpi-hbar__track'>
            <View className='kpi-hbar__fill' style={{ width: `${(100 * n) / max}%` }} />
          </View>
          <Text className='kpi-hbar__num'>{n}</Text>
        </View>
      ))}
    </View>
  )
}

/** Categories and buildings well above their usual level: worth a 议事 topic. */
/** A hotspot raised as a 议题: the topic form opens with its title and explanation written. */
const raiseUrl = (h: DashboardView['hotspots'][number]) => {
  const title = `${h.label}的问题明显多起来了`.slice(0, 30)
  const detail = `${h.kind === 'building' ? '楼栋' : '类别'}「${h.label}」本月 ${h.count} 件，平时每月约 ${h.usual} 件，请大家议一议怎么从根上解决。`
  return `/council/pages/topics/index?title=${encodeURIComponent(title)}&detail=${encodeURIComponent(detail)}`
}

export function Hotspots({ hotspots }: { hotspots: DashboardView['hotspots'] }) {
  if (!hotspots.length) return null
  return (
    <View className='card' data-testid='kpi-hotspots'>
      <View className='field-label'>这个月明显多起来的（可以拿去议事）</View>
      {hotspots.map((h) => (
        <View key={`${h.kind}-${h.id}`} className='kpi-row' data-testid={`hotspot-${h.id}`} onClick={() => void Taro.navigateTo({ url: raiseUrl(h) })}>
          {h.kind === 'building' ? '楼栋' : '类别'}「{h.label}」本月 {h.count} 件，平时每月约 {h.usual} 件 · 提为议题 ›
        </View>
      ))}
      <View className='h-sub'>规则：本月至少5件，且是前三个月平均的2倍以上</View>
    </View>
  )
}

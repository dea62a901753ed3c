import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DashboardView } from '@core/kpis/contract'
import { hoursText, pct } from './format'

type Totals = DashboardView['totals']

/** The 三率 as three big cards with their n; a tap opens the orders behind (solved / late / rated low). */
export function RateCards({ t, ordersUrl }: { t: Totals; ordersUrl: (figure: string) => string }) {
  const open = (figure: string) => () => void Taro.navigateTo({ url: ordersUrl(figure) })
  const cards = [
    { id: 'response', name: '响应率', rate: t.responseRate, line: `按时响应 ${t.responseRate.num} / ${t.responseRate.den}`, figure: 'late_answer' },
    { id: 'solve', name: '解决率', rate: t.solveRate, line: `收集 ${t.collected} 件，解决 ${t.solved} 件`, figure: 'solved' },
    { id: 'satisfaction', name: '满意率', rate: t.satisfaction, line: `${t.satisfaction.den} 人评价，参评率 ${pct(t.participation.value)}`, figure: 'rated_low' },
  ]
  return (
    <View className='kpi-cards'>
      {cards.map((c) => (
        <View key={c.id} className='card kpi-card' data-testid={`kpi-${c.id}`} onClick={open(c.figure)}>
          <Text className='kpi-card__name'>{c.name}</Text>
          <Text className='kpi-card__value' data-testid={`kpi-${c.id}-value`}>{pct(c.rate.value)}</Text>
          <Text className='h-sub'>{c.line}</Text>
        </View>
      ))}
    </View>
  )
}

/** The rest, in words: sources apart, the timer's share, resident view (a tap: the orders the residents said were not solved), times, 超时率 / 重办率 / 回退率. */
export function MoreFigures({ t, ordersUrl }: { t: Totals; ordersUrl: (figure: string) => string }) {
  const src = t.bySource
  const lines = [
    `收集 ${t.collected} 件：本人 ${src.self ?? 0}，楼栋长代下单 ${src.lead ?? 0}，网格员代下单 ${src.staff ?? 0}，接访日 ${src.visit_day ?? 0}，议事 ${src.council ?? 0}；撤回 ${t.withdrawn} 件`,
    `解决的 ${t.solved} 件里，系统自动确认 ${t.solvedByTimer.num} 件（${pct(t.solvedByTimer.value)}）`,
  ]
  const after = [
    `办结用时：一半在${hoursText(t.finishMedian)}，九成在${hoursText(t.finishP90)}`,
    `超时率 ${pct(t.overdueRate.value)}（${t.overdueRate.num}/${t.overdueRate.den}） · 重办率 ${pct(t.redoRate.value)}（${t.redoRate.num}/${t.redoRate.den}） · 回退率 ${pct(t.releaseRate.value)}（${t.releaseRate.num}/${t.releaseRate.den}）`,
  ]
  const line = (l: string) => (
    <View key={l} className='kpi-line'>
      {l}
    </View>
  )
  const checks = t.residentSolved
  return (
    <View className='card' data-testid='kpi-more'>
      {lines.map(line)}
      <View className='kpi-line kpi-row' data-testid='kpi-check' onClick={() => void Taro.navigateTo({ url: ordersUrl('check_not') })}>
        {`回访：${checks.den} 人作答，说已解决 ${checks.num} 人（${pct(checks.value)}）；看说没解决的 ›`}
      </View>
      {after.map(line)}
    </View>
  )
}

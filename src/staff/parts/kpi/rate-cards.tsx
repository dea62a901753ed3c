import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DashboardView } from '@core/kpis/contract'
import { pct } from './format'

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

import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { useQuery } from '@/hooks/use-query'
import { ratio } from '@/lib/ratio'

/** 议事协商's figures of the month shown (the community acted in). */
export function CouncilFigures({ month }: { month: string }) {
  const q = useQuery(api.council.metrics, { month })
  const m = q.data
  if (!m) return null
  const hours = m.medianFeedbackHours === null ? '—' : m.medianFeedbackHours < 1 ? '1小时内' : `${Math.round(m.medianFeedbackHours)}小时`
  return (
    <View className='card' data-testid='kpi-council'>
      <Text className='h-title'>议事协商（本月提出 {m.raised} 个议题）</Text>
      <View className='kpi-line' data-testid='council-on-agenda'>上会率 {ratio(m.onAgenda)}</View>
      <View className='kpi-line' data-testid='council-implemented'>决议落实率 {ratio(m.implemented)}</View>
      <View className='kpi-line' data-testid='council-feedback'>反馈率 {ratio(m.feedback)} · 反馈用时中位 {hours}</View>
      <View className='kpi-line' data-testid='council-satisfied'>结果满意率 {ratio(m.satisfied)}</View>
    </View>
  )
}

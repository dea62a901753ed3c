import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { useQuery } from '@/hooks/use-query'
import { ratio } from '@/lib/ratio'

/** 矛盾调解's figures of the community acted in, since its first case (counts only, nothing of a case). */
export function DisputeFigures() {
  const q = useQuery(api.disputes.metrics, {})
  const m = q.data
  if (!m) return null
  const days = m.medianDaysToClose === null ? '—' : `${m.medianDaysToClose.toFixed(1)}天`
  return (
    <View className='card' data-testid='kpi-disputes'>
      <Text className='h-title'>矛盾调解（累计，在办 {m.open} 件）</Text>
      <View className='kpi-line' data-testid='disputes-success'>调解成功率 {ratio(m.success)}</View>
      <View className='kpi-line' data-testid='disputes-performed'>履行率 {ratio(m.performed)}</View>
      <View className='kpi-line' data-testid='disputes-followed-up'>回访率 {ratio(m.followedUp)}</View>
      <View className='kpi-line' data-testid='disputes-days'>受理到结案中位 {days}</View>
      <View className='kpi-line' data-testid='disputes-kept'>矛盾不上交率 {ratio(m.keptInCommunity)}</View>
    </View>
  )
}

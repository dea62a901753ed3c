import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DisputeSummary } from '@core/disputes/contract'
import { DISPUTE_CATEGORIES, DISPUTE_STATUS_LABELS } from '@core/disputes/vocab'
import { shortDate } from '@/lib/time'

export const CASE_PAGE = '/disputes/pages/case/index'

const ROLE_WORDS = { party: '我是当事人', reporter: '我代邻居申请的', mediator: '我是调解员', staff: '本网格的', admin: '本社区的' } as const

/** One case in the caller's list: what, where it stands, their part in it. */
export function CaseCard({ d }: { d: DisputeSummary }) {
  return (
    <View className='card case-card' data-testid={`case-${d._id}`} onClick={() => void Taro.navigateTo({ url: `${CASE_PAGE}?id=${d._id}` })}>
      <Text className='h-title'>{d.title}</Text>
      <View className='h-sub'>{DISPUTE_CATEGORIES[d.category]} · {shortDate(d.reportedAt)} · {ROLE_WORDS[d.role]}</View>
      <View className='ok-text' data-testid='case-status'>{DISPUTE_STATUS_LABELS[d.status]}</View>
    </View>
  )
}

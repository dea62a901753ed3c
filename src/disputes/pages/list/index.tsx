import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Page, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useQuery } from '@/hooks/use-query'
import { CaseCard } from '../../parts/case-card'
import '../../parts/disputes.scss'

/** 矛盾调解: apply (for oneself or a neighbour), and the cases one is on — never anyone else's. */
export default function DisputesPage() {
  const me = useMe()
  const q = useQuery(api.disputes.disputes, { limit: 50 })
  return (
    <Page>
      <View className='card'>
        <View className='h-title'>邻里有矛盾，社区帮您调解</View>
        <View className='h-sub'>漏水、噪音、物业、家庭纠纷都可以申请。调解员有社区的老党员（银发先锋），也有每月固定来的律师、人民调解员。只有当事人、调解员和社区工作人员能看到案子。</View>
        <BigButton onClick={() => void Taro.navigateTo({ url: '/disputes/pages/report/index' })}>
          申请调解
        </BigButton>
      </View>
      {me.has('staff', 'admin') && (
        <BigButton type='default' onClick={() => void Taro.navigateTo({ url: '/disputes/pages/roster/index' })}>
          调解员名册
        </BigButton>
      )}
      <View className='home-section'>我的调解案子</View>
      <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload} empty={q.data?.items.length === 0} emptyText='还没有案子'>
        <View data-testid='case-list'>{q.data?.items.map((d) => <CaseCard key={d._id} d={d} />)}</View>
      </StateView>
    </Page>
  )
}

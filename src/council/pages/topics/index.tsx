import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Page, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useQuery } from '@/hooks/use-query'
import { RaiseForm } from '../../parts/raise-form'
import { TopicCard } from '../../parts/topic-card'

/** 议事协商: raise a topic at the top (home → here → 提交), the community's topics below. */
export default function TopicsPage() {
  const me = useMe()
  const q = useQuery(api.council.topics, {})
  const tells = useQuery(api.council.tells, {}, { enabled: me.has('building_lead', 'staff') })
  const toTell = (tells.data?.items ?? []).filter((t) => !t.told).length
  return (
    <Page>
      {toTell > 0 && (
        <View className='card' data-testid='tells-link'>
          <View>有 {toTell} 件事要当面告诉邻居</View>
          <BigButton type='default' onClick={() => void Taro.navigateTo({ url: '/council/pages/tells/index' })}>去看看</BigButton>
        </View>
      )}
      <RaiseForm onRaised={() => void q.reload()} />
      <BigButton type='default' onClick={() => void Taro.navigateTo({ url: '/council/pages/vote/index' })}>
        选题委员会和评议
      </BigButton>
      {me.has('admin') && (
        <BigButton type='default' onClick={() => void Taro.navigateTo({ url: '/council/pages/rules/index' })}>
          附议和选题规则
        </BigButton>
      )}
      <View className='home-section'>社区的议题</View>
      <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload} empty={q.data?.items.length === 0} emptyText='还没有议题，提一个吧'>
        <View data-testid='topic-list'>{q.data?.items.map((t) => <TopicCard key={t._id} t={t} />)}</View>
      </StateView>
    </Page>
  )
}

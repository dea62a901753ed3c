import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, FormError, Page, StateView } from '@/components'
import { useAction, useQuery } from '@/hooks/use-query'
import { TOPIC_PAGE } from '../../parts/topic-card'

/** 楼栋长: what to tell a neighbour without a phone about the topic raised for them; tick when told. */
export default function TellsPage() {
  const q = useQuery(api.council.tells, {})
  const mark = useAction(api.council.markTold)
  return (
    <Page>
      <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload} empty={q.data?.items.length === 0} emptyText='现在没有要告诉邻居的事'>
        {q.data?.items.map((t) => (
          <View key={t._id} className='card' data-testid={`tell-${t._id}`}>
            <Text className='h-title'>告诉 {t.neighbour}</Text>
            <View>议题「{t.title}」{t.stage === 'decided' ? '有决议了' : '办完了'}</View>
            <View className='h-sub'>{t.message}</View>
            {t.told ? (
              <View className='ok-text'>✔ 已当面告诉</View>
            ) : (
              <BigButton type='success' loading={mark.pending} onClick={async () => (await mark.run({ tellId: t._id })) && q.reload()}>已当面告诉</BigButton>
            )}
            <BigButton type='default' onClick={() => void Taro.navigateTo({ url: `${TOPIC_PAGE}?id=${t.topicId}` })}>看议题</BigButton>
          </View>
        ))}
        <FormError error={mark.error} />
      </StateView>
    </Page>
  )
}

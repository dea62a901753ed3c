import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, FormError, Page, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { ElectionCard, EvaluationCard, OpenElectionCard, PaperCard } from '../../parts/ballots'

/** The 选题委员会: who is on it, the half-yearly evaluation and, when it says so, the re-election. */
export default function VotePage() {
  const me = useMe()
  const committee = useQuery(api.council.committee, {})
  const evaluation = useQuery(api.council.evaluation, {})
  const election = useQuery(api.council.election, {})
  const open = useAction(api.council.openEvaluation)
  const reload = async () => void (await Promise.all([evaluation.reload(), election.reload(), committee.reload()]))
  const e = evaluation.data
  return (
    <Page>
      <StateView loading={committee.loading} hasData={!!committee.data} error={committee.error} onRetry={committee.reload}>
        <View className='card' data-testid='committee'>
          <Text className='h-title'>选题委员会</Text>
          {committee.data?.members.length ? committee.data.members.map((m) => <View key={m.name}>{m.name}（任期到 {m.until}）</View>) : <View className='h-sub'>还没有组成</View>}
        </View>
        {e && <EvaluationCard e={e} onChanged={reload} />}
        {e?.status === 'open' && me.has('staff', 'admin') && <PaperCard evaluationId={e._id} />}
        {election.data && election.data.status !== 'closed' && <ElectionCard e={election.data} onChanged={reload} />}
        {me.has('admin') && e?.outcome === 'reelect' && !election.data?.candidates.length && <OpenElectionCard onOpened={reload} />}
        {me.has('admin') && e?.status !== 'open' && (
          <View className='card'>
            <BigButton
              type='default'
              loading={open.pending}
              onClick={async () => {
                if (!(await confirmFirst('开始半年评议？', '开放7天，每户可以投一票。', '开始'))) return
                if (await open.run({})) await reload()
              }}
            >
              开始半年评议
            </BigButton>
            <FormError error={open.error} />
          </View>
        )}
      </StateView>
    </Page>
  )
}

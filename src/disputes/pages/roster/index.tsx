import { View } from '@tarojs/components'
import { api } from '@/api'
import { Page, PhoneCall, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useQuery } from '@/hooks/use-query'
import { RosterForm } from '../../parts/roster-form'
import '../../parts/disputes.scss'

/** The community's mediators and the days they come; the admin adds to it. */
export default function RosterPage() {
  const me = useMe()
  const q = useQuery(api.disputes.roster, {})
  return (
    <Page>
      <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload} empty={q.data?.items.length === 0} emptyText='还没有调解员'>
        <View data-testid='roster-list'>
          {q.data?.items.map((m) => (
            <View key={m._id} className='card' data-testid={`roster-${m._id}`}>
              <View className='h-title'>{m.title} {m.name}{m.active ? '' : '（已停用）'}</View>
              <View className='h-sub'>{m.days}</View>
              <PhoneCall phone={m.phone} label={`打给${m.name}`} />
            </View>
          ))}
        </View>
      </StateView>
      {me.has('admin') && <RosterForm onSaved={() => void q.reload()} />}
    </Page>
  )
}

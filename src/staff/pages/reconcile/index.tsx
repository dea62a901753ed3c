import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '@/api'
import { Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useQuery } from '@/hooks/use-query'
import { CsvButton } from '../../lib/csv-button'
import { csvFileName } from '../../lib/csv-name'

/** 活动对账: 兑换 (账物相符) per booth and 签到 (who came, walk-ins and who added them); each exportable as a CSV file named after the event and its day. */
export default function ReconcilePage() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const q = useQuery(api.points.reconcile, { eventId: id }, { enabled: me.has('staff', 'admin') && !!id })
  const event = useQuery(api.events.detail, { eventId: id }, { enabled: !!id }).data
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload} empty={!!q.data && !q.data.lines.length} emptyText='这个活动没有兑换摊位'>
          <View className={q.data?.balanced ? 'ok-text' : 'error-text'} data-testid='reconcile-status'>{q.data?.balanced ? '账物相符' : '账物不符，请清点'}</View>
          {q.data?.lines.map((l) => (
            <View key={l.giftId} className='card' data-testid={`reconcile-${l.giftId}`}>
              <Text className='h-title'>{l.giftName}（{l.price}分）</Text>
              <View>分配 {l.allocated} · 已核销 <Text data-testid='redeemed'>{l.redeemed}</Text> · 待领 {l.reserved} · 退回 {l.returned}</View>
              <View>应在库 {l.onHand} 份</View>
              <View className='h-sub'>扣积分 {l.pointsDebited} · 退积分 {l.pointsRefunded}</View>
            </View>
          ))}
          <CsvButton label='导出对账 CSV' fileName={csvFileName('对账', event)} csv={async () => q.data?.csv ?? null} testId='reconcile-csv' />
        </StateView>
        {q.data && (
          <View className='card' data-testid='reconcile-attendance'>
            <Text className='h-title'>签到</Text>
            <View>报名 {q.data.attendance.signedUp} 人 · 到场 {q.data.attendance.attended} 人 · 现场登记 <Text data-testid='walk-ins'>{q.data.attendance.walkIns}</Text> 人</View>
            <View className='h-sub'>发放签到积分共 {q.data.attendance.pointsAwarded} 分</View>
            {q.data.attendance.walkInList.map((w, i) => (
              <View key={i} className='row'>
                <Text>{w.name}（现场登记）</Text>
                <Text className='h-sub'>{w.by} 登记{w.awarded ? ` · +${w.awarded}分` : ''}</Text>
              </View>
            ))}
            <CsvButton label='导出签到名单 CSV' fileName={csvFileName('签到', event)} csv={async () => q.data?.attendanceCsv ?? null} testId='attendance-csv' />
          </View>
        )}
      </RoleGate>
    </Page>
  )
}

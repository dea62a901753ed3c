import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { PhoneCall } from '@/components'
import { IdPage } from '@/components/id-page'
import { useQuery } from '@/hooks/use-query'
import type { StaffWishView } from '@core/wishes/contract'
import { AGE_BAND_LABELS, WISH_KIND_LABELS, WISH_STATUS_LABELS } from '@core/wishes/vocab'
import { dateLabel } from '@core/events/times'
import { Claims, Deliver, Fulfil, Thank } from '../../parts/handover'
import { Review, Submit, Withdraw } from '../../parts/review'
import '../../parts/wishes.scss'

/** Staff: one wish with who the child really is, its claims, and the step that is due now. */
export default function ManageWishPage() {
  const id = useRouter().params.id ?? ''
  const q = useQuery(api.wishes.staffWish, { wishId: id }, { enabled: !!id })
  return (
    <IdPage id={id} q={q} missing='WISH_UNKNOWN' title='没有找到这个心愿'>
      {(w) => (
        <>
          <Facts w={w} />
          <Steps w={w} onDone={q.reload} />
        </>
      )}
    </IdPage>
  )
}

function Facts({ w }: { w: StaffWishView }) {
  return (
    <>
      <View className='card'>
        <Text className='h-title' data-testid='wish-title'>{w.title}</Text>
        <View className='h-sub'>{w.alias} · {AGE_BAND_LABELS[w.ageBand]} · {w.grade} · {WISH_KIND_LABELS[w.kind]}{w.priceCap ? `（≤${w.priceCap}元）` : ''}</View>
        <View className='wish-line'>{w.detail}</View>
        <View className='wish-line'>{w.occasion}前（{dateLabel(w.targetDate)}）· 交接：{w.station}</View>
        <View className='ok-text' data-testid='wish-status'>{WISH_STATUS_LABELS[w.status]}</View>
        {w.reason && <View className='wish-line'>理由：{w.reason}</View>}
        {w.thanks && <View className='wish-line'>感谢：{w.thanks}</View>}
      </View>
      <View className='card' data-testid='wish-ref'>
        <View className='h-title'>孩子的真实信息（只有工作人员能看到）</View>
        <View>{w.ref.name}，{w.ref.address}</View>
        <View className='wish-line'>监护人：{w.ref.guardian.relation} {w.ref.guardian.name}</View>
        <PhoneCall phone={w.ref.guardian.phone} label={`打给${w.ref.guardian.name}`} />
        {w.consent && <View className='h-sub'>监护人 {w.consent.guardianName} 同意照片里出现孩子</View>}
      </View>
    </>
  )
}

function Steps({ w, onDone }: { w: StaffWishView; onDone: () => Promise<void> }) {
  const s = w.status
  return (
    <>
      {s === 'draft' && <Submit w={w} onDone={onDone} />}
      {s === 'review' && <Review w={w} onDone={onDone} />}
      <Claims w={w} onDone={onDone} />
      {s === 'received' && <Deliver w={w} onDone={onDone} />}
      {s === 'delivered' && <Fulfil w={w} onDone={onDone} />}
      {s === 'fulfilled' && <Thank w={w} onDone={onDone} />}
      {(s === 'draft' || s === 'review' || s === 'published') && <Withdraw w={w} onDone={onDone} />}
    </>
  )
}

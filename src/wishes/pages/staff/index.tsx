import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Page, StateView } from '@/components'
import { useQuery } from '@/hooks/use-query'
import { WISH_STATUS_LABELS } from '@core/wishes/vocab'
import type { WishStatus } from '@core/wishes/machine'
import { ratio } from '@/lib/ratio'
import { WishCard } from '../../parts/wish-card'
import '../../parts/wishes.scss'

const FILTERS = ['review', 'published', 'claimed', 'received', 'delivered', 'draft'] as const

/** Staff: the wishes of their grids (the admin: the community's) by status, the figures, and 录入新心愿. */
export default function WishDeskPage() {
  const [status, setStatus] = useState<WishStatus>('review')
  const q = useQuery(api.wishes.staffList, { status })
  const m = useQuery(api.wishes.metrics, {}).data
  return (
    <Page>
      <BigButton onClick={() => void Taro.navigateTo({ url: '/wishes/pages/edit/index' })}>录入新心愿</BigButton>
      {m && (
        <View className='card' data-testid='wish-figures'>
          <View className='h-title'>微心愿的数字（公开过 {m.published} 个）</View>
          <View>7天认领率 {ratio(m.claimedIn7Days)}</View>
          <View>实现率 {ratio(m.fulfilled)}</View>
          <View>公开到实现 {m.medianDaysToFulfil === null ? '—' : `${m.medianDaysToFulfil.toFixed(1)}天`}（中位）</View>
          <View>受助孩子 {m.beneficiaries} 人 · 重复捐赠人 {m.repeatDonors} 人</View>
        </View>
      )}
      <ChipPicker testId='wish-filter' options={FILTERS.map((s) => ({ value: s, label: WISH_STATUS_LABELS[s] }))} value={[status]} onChange={([v]) => setStatus(v as WishStatus)} />
      <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload} empty={q.data?.items.length === 0} emptyText='没有这个状态的心愿'>
        <View data-testid='staff-wish-list'>{q.data?.items.map((w) => <WishCard key={w._id} w={w} url='/wishes/pages/manage/index' />)}</View>
      </StateView>
    </Page>
  )
}

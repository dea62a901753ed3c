import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, FormError } from '@/components'
import { IdPage } from '@/components/id-page'
import { AskFirstButton } from '@/components/ask-first'
import { useAction, useQuery } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { shortDate } from '@/lib/time'
import type { WishView } from '@core/wishes/contract'
import { AGE_BAND_LABELS, CLAIM_STATUS_LABELS, WISH_KIND_LABELS, WISH_STATUS_LABELS } from '@core/wishes/vocab'
import { dateLabel } from '@core/events/times'
import { NoPointsForGoods } from '../../parts/no-points'
import '../../parts/wishes.scss'

/** One wish as a donor sees it, and their claim: claim shares, where to bring the gift, by when; the thanks at the end. */
export default function WishPage() {
  const id = useRouter().params.id ?? ''
  const q = useQuery(api.wishes.wish, { wishId: id }, { enabled: !!id })
  return (
    <IdPage id={id} q={q} missing='WISH_UNKNOWN' title='没有找到这个心愿'>
      {(w) => (
        <>
          <View className='card'>
            <Text className='h-title' data-testid='wish-title'>{w.title}</Text>
            <View className='h-sub'>{w.alias} · {AGE_BAND_LABELS[w.ageBand]} · {w.grade}</View>
            <View className='wish-line'>{w.detail}</View>
            <View className='wish-line'>{WISH_KIND_LABELS[w.kind]}{w.priceCap ? `，价格不超过${w.priceCap}元` : ''}；{w.occasion}前（{dateLabel(w.targetDate)}）</View>
            <View className='ok-text' data-testid='wish-status'>{WISH_STATUS_LABELS[w.status]}{w.shares > 1 ? ` · 共${w.shares}份，还剩${w.sharesLeft}份` : ''}</View>
            {w.thanks && <View className='wish-line' data-testid='wish-thanks'>孩子的感谢：{w.thanks}</View>}
            {w.photos.length > 0 && <View className='h-sub'>工作人员已附礼物照片 {w.photos.length} 张</View>}
          </View>
          {w.mine ? <MyClaim w={w} onChanged={q.reload} /> : w.status === 'published' && <Claim w={w} onChanged={q.reload} />}
          <View className='card'>
            <NoPointsForGoods />
          </View>
        </>
      )}
    </IdPage>
  )
}

function Claim({ w, onChanged }: { w: WishView; onChanged: () => Promise<void> }) {
  const claim = useAction(api.wishes.claim)
  const [shares, setShares] = useState(1)
  const submit = async () => {
    if (!(await confirmFirst('认领这个心愿？', `请在7天内把礼物送到${w.station}，过期没送到会自动释放给别人。`, '认领'))) return
    if (await claim.run({ wishId: w._id, shares })) await onChanged()
  }
  return (
    <View className='card' data-testid='claim-card'>
      {w.sharesLeft > 1 && (
        <ChipPicker testId='claim-shares' options={Array.from({ length: w.sharesLeft }, (_, i) => ({ value: String(i + 1), label: `${i + 1}份` }))} value={[String(shares)]} onChange={([v]) => setShares(Number(v))} />
      )}
      <BigButton loading={claim.pending} onClick={() => void submit()}>我来认领{w.sharesLeft > 1 ? ` ${shares} 份` : ''}</BigButton>
      <FormError error={claim.error} fields={['shares']} />
    </View>
  )
}

function MyClaim({ w, onChanged }: { w: WishView; onChanged: () => Promise<void> }) {
  const cancel = useAction(api.wishes.cancelClaim)
  const c = w.mine!
  return (
    <>
      <View className='card' data-testid='my-claim'>
        <View className='h-title'>我认领了 {c.shares} 份 · {CLAIM_STATUS_LABELS[c.status]}</View>
        {c.status === 'held' && <View className='wish-line'>请在 {shortDate(c.expiresAt)} 前送到：{w.station}（工作人员会转交给孩子）</View>}
      </View>
      {c.status === 'held' && (
        <AskFirstButton label='不认领了' ask={['取消认领？', '份数会退回给别人认领。', '取消认领']} pending={cancel.pending} error={cancel.error} run={async () => (await cancel.run({ wishId: w._id })) && onChanged()} />
      )}
    </>
  )
}

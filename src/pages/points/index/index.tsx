import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, FormError, Page, PagedList, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { usePaged } from '@/hooks/use-paged'
import { confirmFirst } from '@/lib/confirm'
import { shortTime } from '@/lib/time'
import { QrImage } from '../../events/qr-image'

const SOURCE_TEXT: Record<string, string> = { order: '服务', event: '活动', redemption: '兑换', adjustment: '调整', expiry: '过期' }
const RED_STATUS: Record<string, string> = { reserved: '待领取', redeemed: '已领取', expired: '已过期，积分已退回', cancelled: '已取消，积分已退回' }

/** Where a statement line leads: the order or event it came from. */
function linkOf(kind: string, id: string): string | null {
  if (kind === 'event') return `/pages/events/detail/index?id=${id}`
  return null
}

/** 爱心银行: balance, points expiring this year, my redemption codes, 明细. */
export default function PointsPage() {
  const bal = useQuery(api.points.balance, {})
  const reds = useQuery(api.points.myRedemptions, {})
  const st = usePaged(api.points.statement, { limit: 20 }, { idOf: (i) => i.id })
  return (
    <Page>
      <StateView loading={bal.loading} hasData={!!bal.data} error={bal.error} onRetry={bal.reload}>
        <View className='card'>
          <View className='h-sub'>我的积分</View>
          <Text className='h-title' data-testid='balance'>{bal.data?.balance ?? 0}</Text>
          {!!bal.data?.expiringSoon.amount && (
            <View className='error-text' data-testid='expiring'>
              其中 {bal.data.expiringSoon.amount} 分将于 {shortTime(bal.data.expiringSoon.expiresAt - 1)} 过期，记得用掉
            </View>
          )}
          <View className='h-sub'>积分可在社区活动现场兑换米、面、油、毛巾等生活用品</View>
          <BigButton type='default' onClick={() => void Taro.navigateTo({ url: '/pages/events/index/index' })}>去看看活动和礼品</BigButton>
        </View>
        <StaffLinks />
      </StateView>
      {!!reds.data?.items.length && (
        <View className='card' data-testid='my-redemptions'>
          <Text className='h-title'>我的兑换</Text>
          {reds.data.items.map((r) => (
            <View key={r.code}>
              <View className='row'>
                <Text>{r.giftName} · {r.price} 分</Text>
                <Text>{r.status === 'reserved' ? `兑换码 ${r.display}` : RED_STATUS[r.status]}</Text>
              </View>
              {r.status === 'reserved' && <QrImage text={r.qr} alt={`「${r.giftName}」的兑换二维码，到摊位给工作人员扫`} testId={`qr-${r.code}`} size={140} />}
              {r.status === 'reserved' && <CancelRedemption code={r.code} giftName={r.giftName} onDone={async () => void (await Promise.all([reds.reload(), bal.reload()]))} />}
            </View>
          ))}
        </View>
      )}
      <View className='card' data-testid='statement'>
        <Text className='h-title'>积分明细</Text>
        <PagedList list={st} emptyText='还没有积分记录，参加活动或做志愿服务就能得积分'>
          {st.items.map((i) => {
            const link = linkOf(i.source.kind, i.source.id)
            return (
              <View key={i.id} className='row' onClick={() => link && void Taro.navigateTo({ url: link })}>
                <View>
                  <View>{i.reason}</View>
                  <View className='h-sub'>{shortTime(i.at)} · {SOURCE_TEXT[i.source.kind]}</View>
                </View>
                <Text className={i.amount > 0 ? 'ok-text' : 'error-text'}>{i.amount > 0 ? `+${i.amount}` : i.amount}</Text>
              </View>
            )
          })}
        </PagedList>
      </View>
    </Page>
  )
}

/** 网格员 / 管理员: where the 爱心银行 is managed (staff subpackage). */
function StaffLinks() {
  const me = useMe()
  if (!me.has('staff', 'admin')) return null
  const go = (p: string) => void Taro.navigateTo({ url: `/staff/pages/${p}/index` })
  return (
    <View className='card' data-testid='points-admin-links'>
      <Text className='h-title'>积分管理</Text>
      <BigButton type='default' onClick={() => go('points-accounts')}>居民积分账户 · 调整 · 导出</BigButton>
      <BigButton type='default' onClick={() => go('points-approvals')}>{me.has('admin') ? '积分审批 · 操作记录' : '我提交的积分调整'}</BigButton>
      <BigButton type='default' onClick={() => go('gifts')}>礼品管理</BigButton>
      {me.has('admin') && <BigButton type='default' onClick={() => go('points-rules')}>积分规则</BigButton>}
    </View>
  )
}

/** Changed one's mind: cancel a reservation not yet collected, after saying what happens. */
function CancelRedemption({ code, giftName, onDone }: { code: string; giftName: string; onDone: () => Promise<void> }) {
  const cancel = useAction(api.points.cancelRedemption)
  const run = async () => {
    if (!(await confirmFirst(`不要「${giftName}」了？`, '取消后积分退回，兑换码作废。', '取消兑换'))) return
    if (await cancel.run({ code })) await onDone()
  }
  return (
    <View data-testid={`cancel-${code}`}>
      <BigButton type='default' loading={cancel.pending} onClick={() => void run()}>不要了，取消兑换</BigButton>
      <FormError error={cancel.error} />
    </View>
  )
}

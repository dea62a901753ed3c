import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, FormError, Page, StateView } from '@/components'
import { queries } from '@/lib/query-cache'
import { useAction, useQuery } from '@/hooks/use-query'
import { useStructure } from '@/hooks/use-me'
import { addressText } from '@/lib/address'
import { confirmFirst } from '@/lib/confirm'
import { shortTime } from '@/lib/time'

const BLOCKER: Record<string, string> = {
  HAS_WORK_ROLE: '您还担任网格员、楼栋长或管理员：请先请管理员撤销工作身份。',
  HAS_ACTIVE_ORDERS: '您还有没办完的单子：请先在「我的单子」里取消，或等办完确认。',
  HAS_ACTIVE_TASKS: '您还有接了没办完的单子：请先办完或放弃。',
  HAS_SIGNUPS: '您还报名了没开始的活动：请先取消报名。',
}
const AS: Record<string, string> = { resident: '我点的', proxy: '我代邻居点的', volunteer: '我接的' }

/** 我的数据: everything kept about me, and deleting my account (after saying what happens). */
export default function MyDataPage() {
  const q = useQuery(api.users.myData, {})
  const structure = useStructure()
  const del = useAction(api.users.deleteAccount)
  const [gone, setGone] = useState<number>()
  const d = q.data
  const remove = async () => {
    const ok = await confirmFirst('确定注销账户吗？', `注销后您的资料删除，剩下的 ${d?.points.balance ?? 0} 积分清零，不能恢复。单子和活动记录会保留，但不再显示您的姓名和电话。`, '注销')
    if (!ok) return
    const r = await del.run({ confirm: true })
    if (!r) return
    queries.clear()
    setGone(r.forfeited)
  }
  if (gone !== undefined) {
    return (
      <Page>
        <View className='card ok-text' data-testid='account-deleted'>账户已注销，您的资料已删除。谢谢您一直以来的参与。</View>
        <BigButton onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>回首页</BigButton>
      </Page>
    )
  }
  return (
    <Page>
      <StateView loading={q.loading} hasData={!!d} error={q.error} onRetry={q.reload}>
        {d && (
          <>
            <View className='card' data-testid='my-profile'>
              <Text className='h-title'>个人资料</Text>
              <View>姓名：{d.profile.name}</View>
              <View>手机号：{d.profile.phone}</View>
              <View>住址：{addressText(structure.data, d.profile.buildingId, d.profile.unitId)}</View>
              {d.profile.volunteer && <View>志愿者申请：{d.profile.volunteer.skills.length} 项技能{d.profile.volunteer.intro ? `，自我介绍「${d.profile.volunteer.intro}」` : ''}</View>}
            </View>
            <View className='card' data-testid='my-records'>
              <Text className='h-title'>记录</Text>
              <View>单子 {d.orders.length} 张{d.orders.length ? `（${Object.entries(AS).map(([k, v]) => `${v} ${d.orders.filter((o) => o.as === k).length}`).join('，')}）` : ''}</View>
              <View>活动报名 {d.signUps.length} 次</View>
              <View>积分 {d.points.balance} 分，明细 {d.points.entries} 条</View>
              <View>兑换 {d.redemptions.length} 次</View>
              {d.signUps.slice(0, 5).map((s) => (
                <View key={s.eventId} className='h-sub'>{s.title || '活动'} {s.startAt ? shortTime(s.startAt) : ''}</View>
              ))}
            </View>
            <View className='card' data-testid='delete-account'>
              <Text className='h-title'>注销账户</Text>
              {d.blocker ? (
                <View className='error-text' data-testid='delete-blocker'>{BLOCKER[d.blocker]}</View>
              ) : (
                <>
                  <View className='h-sub'>注销后资料删除、积分清零，不能恢复。</View>
                  <BigButton type='danger' loading={del.pending} onClick={() => void remove()}>注销我的账户</BigButton>
                </>
              )}
              <FormError error={del.error} />
            </View>
          </>
        )}
      </StateView>
    </Page>
  )
}

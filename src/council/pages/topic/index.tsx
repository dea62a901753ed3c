import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FormError, NotFound, Page, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { askSubscribe } from '@/lib/subscribe'
import { shortDate } from '@/lib/time'
import { TOPIC_STATUS_LABELS } from '@core/council/topics'
import type { TopicDetail } from '@core/council/contract'
import { AskFirstButton } from '@/components/ask-first'
import { Decision } from '../../parts/decision'
import { SupportForElder } from '../../parts/support-for'
import '../../parts/council.scss'

const TOPIC_TEMPLATE = process.env.TARO_APP_TEMPLATE_TOPIC as string

/** One topic: what it is, where it stands, the decision and its progress; support it, rate it at the end. */
export default function TopicPage() {
  const id = useRouter().params.id ?? ''
  const q = useQuery(api.council.topic, { topicId: id }, { enabled: !!id })
  const t = q.data
  const me = useMe()
  if (!id || q.error?.code === 'TOPIC_UNKNOWN') return <Page><NotFound title='没有找到这个议题' /></Page>
  return (
    <Page>
      <StateView loading={q.loading} hasData={!!t} error={q.error} onRetry={q.reload}>
        {t && (
          <>
            <View className='card'>
              <Text className='h-title' data-testid='topic-title'>{t.title}</Text>
              <View className='h-sub'>{t.raisedBy} · {shortDate(t.createdAt)}</View>
              <View>{t.detail}</View>
              <View className='ok-text' data-testid='topic-status'>{TOPIC_STATUS_LABELS[t.status]}</View>
              {t.reason && <View data-testid='topic-reason'>理由：{t.reason}</View>}
              {t.sessionId && (
                <BigButton type='default' onClick={() => void Taro.navigateTo({ url: `/council/pages/session/index?id=${t.sessionId}` })}>
                  看这场议事会的议题和纪要
                </BigButton>
              )}
            </View>
            {t.status === 'accepted' && <Support t={t} onChanged={q.reload} />}
            {t.status === 'accepted' && me.has('building_lead', 'staff') && <SupportForElder topicId={t._id} onDone={q.reload} />}
            <StaffRouting t={t} onChanged={q.reload} />
            {t.decision && <Decision d={t.decision} />}
            {(t.canRate || t.satisfied !== null) && <Rate t={t} onChanged={q.reload} />}
            {t.canWithdraw && <Withdraw t={t} onChanged={q.reload} />}
            {(t.status === 'declined' || t.status === 'converted') && me.has('staff', 'admin') && (
              <BigButton type='default' onClick={() => void Taro.navigateTo({ url: `/disputes/pages/report/index?from=topic&id=${t._id}` })}>转为调解案子</BigButton>
            )}
          </>
        )}
      </StateView>
    </Page>
  )
}

function Support({ t, onChanged }: { t: TopicDetail; onChanged: () => Promise<void> }) {
  const support = useAction(api.council.support)
  const [left, setLeft] = useState<number>()
  return (
    <View className='card' data-testid='support-card'>
      <View data-testid='supports'>附议 {t.supports} 户，要 {t.threshold} 户才能上议事会{t.cutoffAt ? `，${shortDate(t.cutoffAt)} 截止` : ''}</View>
      {t.mine ? (
        <View className='ok-text'>您家已附议</View>
      ) : (
        <BigButton
          loading={support.pending}
          onClick={async () => {
            const r = await support.run({ topicId: t._id, subscribe: await askSubscribe(TOPIC_TEMPLATE) })
            if (r) setLeft(r.left)
            if (r) await onChanged()
          }}
        >
          我家附议
        </BigButton>
      )}
      {left !== undefined && <View className='h-sub'>这一场您家还能附议 {left} 次</View>}
      <FormError error={support.error} />
    </View>
  )
}

/** Staff: accept a new topic for the next 议事会, or say why not. */
function StaffRouting({ t, onChanged }: { t: TopicDetail; onChanged: () => Promise<void> }) {
  const me = useMe()
  const accept = useAction(api.council.acceptTopic)
  const route = useAction(api.council.routeTopic)
  const [reason, setReason] = useState('')
  if (!me.has('staff', 'admin') || (t.status !== 'submitted' && t.status !== 'accepted')) return null
  return (
    <View className='card' data-testid='staff-routing'>
      {t.status === 'submitted' && <BigButton loading={accept.pending} onClick={async () => (await accept.run({ topicId: t._id })) && onChanged()}>受理，放进下一次议事会</BigButton>}
      <Field label='不受理的理由（居民会看到）' path='reason' error={route.error}>
        <Input className='field-input order-text' data-testid='decline-reason' value={reason} maxlength={100} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <BigButton
        type='default'
        loading={route.pending}
        onClick={async () => {
          if (!(await confirmFirst('不受理这个议题？', '提议人会收到通知和您写的理由，之后不能再改。', '不受理'))) return
          if (await route.run({ topicId: t._id, to: 'decline', reason })) await onChanged()
        }}
      >
        不受理
      </BigButton>
      <FormError error={accept.error ?? route.error} fields={['reason']} />
    </View>
  )
}

function Rate({ t, onChanged }: { t: TopicDetail; onChanged: () => Promise<void> }) {
  const rate = useAction(api.council.rateTopic)
  if (t.satisfied !== null) return <View className='card ok-text' data-testid='rated'>提议人的评价：{t.satisfied ? '满意' : '不满意'}</View>
  const answer = async (satisfied: boolean) => {
    if (!(await confirmFirst(satisfied ? '满意？' : '不满意？', '评价之后这个议题就办结了，不能再改。', satisfied ? '满意' : '不满意'))) return
    if (await rate.run({ topicId: t._id, satisfied })) await onChanged()
  }
  return (
    <View className='card' data-testid='rate-card'>
      <View className='h-title'>办得怎么样？</View>
      <BigButton type='success' loading={rate.pending} onClick={() => void answer(true)}>满意</BigButton>
      <BigButton type='default' loading={rate.pending} onClick={() => void answer(false)}>不满意</BigButton>
      <FormError error={rate.error} />
    </View>
  )
}

function Withdraw({ t, onChanged }: { t: TopicDetail; onChanged: () => Promise<void> }) {
  const withdraw = useAction(api.council.withdrawTopic)
  const ask: [string, string, string] = ['撤回这个议题？', '撤回后议题不再上议事会，邻居的附议也作废，不能恢复。', '撤回']
  return <AskFirstButton label='撤回我的议题' ask={ask} pending={withdraw.pending} error={withdraw.error} run={async () => (await withdraw.run({ topicId: t._id })) && onChanged()} />
}

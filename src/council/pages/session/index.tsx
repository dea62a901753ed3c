import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FormError, NotFound, Page, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { shortDate, shortTime } from '@/lib/time'
import type { MinutesView } from '@core/council/decisions'
import { DrawCard } from '../../parts/ballots'
import { AgendaForm } from '../../parts/agenda-form'
import { MinutesForm } from '../../parts/minutes-form'
import { TopicCard } from '../../parts/topic-card'
import '../../parts/council.scss'

/** One 议事会: its agenda (and why topics were left out), its minutes, and for staff the minutes form. */
export default function SessionPage() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const session = useQuery(api.events.detail, { eventId: id }, { enabled: !!id })
  const agenda = useQuery(api.council.agenda, { sessionId: id }, { enabled: !!id })
  const minutes = useQuery(api.council.minutes, { sessionId: id }, { enabled: !!id })
  const topics = useQuery(api.council.topics, {}, { enabled: !!id })
  const election = useQuery(api.council.election, {}, { enabled: !!id && me.has('admin') })
  if (!id) return <Page><NotFound title='没有找到这场议事会' /></Page>
  const onAgenda = (topics.data?.items ?? []).filter((t) => t.sessionId === id && t.status === 'on_agenda')
  // supports closed, no agenda yet: the committee (or staff for a member) puts it
  const candidates = (topics.data?.items ?? []).filter((t) => t.sessionId === id && t.status === 'accepted' && t.cutoffAt !== null && t.cutoffAt <= Date.now())
  const reload = async () => void (await Promise.all([minutes.reload(), topics.reload(), agenda.reload()]))
  const e = session.data
  const staff = me.has('staff', 'admin')
  const started = !!e && e.startAt <= Date.now()
  return (
    <Page>
      <StateView loading={session.loading} hasData={!!e} error={session.error} onRetry={session.reload}>
        {e && (
          <View className='card'>
            <Text className='h-title'>{e.title}</Text>
            <View>{shortTime(e.startAt)} · {e.place}</View>
          </View>
        )}
        <View className='card' data-testid='agenda'>
          <Text className='h-title'>上会的议题</Text>
          {agenda.data ? (
            <>
              {agenda.data.items.map((i) => (
                <View key={i.topicId}>· {i.title}（附议 {i.supports}）{i.reason ? `：${i.reason}` : ''}</View>
              ))}
              {agenda.data.leftOut.map((l) => (
                <View key={l.topicId} className='h-sub'>没上会：{l.title}（附议 {l.supports}），理由：{l.reason}</View>
              ))}
              <View className='h-sub'>{agenda.data.by} · {shortDate(agenda.data.at)}</View>
            </>
          ) : (
            <View className='h-sub'>选题委员会还没有定议题</View>
          )}
        </View>
        {agenda.data === null && candidates.length > 0 && <AgendaForm sessionId={id} candidates={candidates} onSet={reload} />}
        {minutes.data && <Minutes m={minutes.data} onChanged={reload} />}
        {staff && started && onAgenda.length > 0 && minutes.data?.status !== 'published' && <MinutesForm sessionId={id} topics={onAgenda} onSaved={reload} />}
        {!started && onAgenda.map((t) => <TopicCard key={t._id} t={t} />)}
        {started && election.data?.status === 'tie' && <DrawCard e={election.data} sessionId={id} onDrawn={election.reload} />}
      </StateView>
    </Page>
  )
}

function Minutes({ m, onChanged }: { m: MinutesView; onChanged: () => Promise<void> }) {
  const confirm = useAction(api.council.confirmMinutes)
  const object = useAction(api.council.objectMinutes)
  const [text, setText] = useState('')
  const published = m.status === 'published'
  const open = published && m.publicUntil !== null && Date.now() < m.publicUntil
  return (
    <View className='card' data-testid='minutes'>
      <Text className='h-title'>会议纪要{published ? '（公示中）' : '（草稿，待确认）'}</Text>
      <View className='h-sub'>记录：{m.recordedBy} · 到会 {m.attendance} 人（按签到）</View>
      {m.items.map((i) => (
        <View key={i.topicId} data-testid={`minutes-item-${i.topicId}`}>
          <View className='home-section'>{i.title}</View>
          <View>讨论：{i.summary}</View>
          <View>{i.outcome === 'decided' ? `决议：${i.decision}` : '暂缓，下次议事会接着议'}</View>
          {i.dissent && <View className='h-sub'>不同意见：{i.dissent}</View>}
          {i.actions.map((a) => <View key={a.id} className='action-line'>· {a.title}（{a.ownerName}，{a.due} 前）</View>)}
        </View>
      ))}
      <View className='h-sub' data-testid='minutes-confirmations'>
        主持人{m.hostConfirmed ? '已确认' : '未确认'} · 委员{m.memberConfirmed ? `${m.memberConfirmed}已确认` : '未确认'}
      </View>
      {published && m.publicUntil && <View className='h-sub'>公示到 {shortDate(m.publicUntil)}，有异议可以提出</View>}
      {!published && (
        <BigButton
          loading={confirm.pending}
          onClick={async () => {
            if (!(await confirmFirst('确认纪要？', '主持人和一位委员都确认后就公示，决议生效、要派的单子会生成，不能再改。', '确认'))) return
            if (await confirm.run({ sessionId: m.sessionId, draftAt: m.draftAt })) await onChanged()
          }}
        >
          确认纪要
        </BigButton>
      )}
      {m.objections.map((o) => <View key={o.at} className='h-sub'>异议：{o.text}</View>)}
      {open && (
        <>
          <Field label='对纪要有异议' path='text' error={object.error}>
            <Textarea className='field-input field-textarea order-text' data-testid='objection' value={text} maxlength={300} onInput={(e) => setText(e.detail.value)} />
          </Field>
          <BigButton type='default' loading={object.pending} onClick={async () => (await object.run({ sessionId: m.sessionId, text })) && onChanged()}>提异议</BigButton>
        </>
      )}
      <FormError error={confirm.error ?? object.error} fields={['text']} />
    </View>
  )
}

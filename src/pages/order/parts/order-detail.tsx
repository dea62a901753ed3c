import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { categoryTitle } from '@core/orders/categories'
import { reopenUntil } from '@core/orders/sla'
import { ACTOR_LABELS, CHECK_ANSWERS, CHECK_LABELS, STATUS_LABELS, URGENCY_LABELS, WHEN_LABELS, type CheckAnswer } from '@core/orders/vocab'
import type { OrderView } from '@core/orders/schemas'
import { api } from '@/api'
import { BigButton, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { shortTime } from '@/lib/time'
import { ContactFacts } from './contact'
import { VolunteerFacts } from './volunteer-facts'
import { PhotoStrip } from './photos'
import './parts.scss'

const EVENT_LABELS: Record<string, string> = {
  CREATE: '提交了需求',
  PUBLISH: '派到接单大厅',
  ASSIGN: '指派志愿者',
  REASSIGN: '重新安排',
  ESCALATE: '上报部门',
  FOLLOW_UP: '跟进',
  STREET_REPLY: '街道答复',
  CLOSE: '办结',
  REFER: '转介',
  REJECT: '不受理',
  CANCEL: '取消',
  ACCEPT: '接单',
  START: '开始服务',
  REPORT_DONE: '服务完成',
  RELEASE: '放弃接单',
  CONFIRM: '确认完成',
  AUTO_CONFIRM: '系统自动确认',
  RATE: '评价',
  REOPEN: '重新打开',
  MARK_OVERDUE: '超时提醒',
  ASK_CHECK: '发出回访',
  ANSWER_CHECK: '回访答复',
}

/** The order's facts: what, where, who, when; the volunteer's report and the rating. */
/** `callVolunteer`: the resident's and staff's view, with one tap to call the volunteer who holds it. */
export function OrderFacts({ o, callVolunteer }: { o: OrderView; callVolunteer?: boolean }) {
  return (
    <View className='card' data-testid='order-facts'>
      <View className='row'>
        <Text className='h-title'>{categoryTitle(o.category)}</Text>
        <Text className={`status status--${o.status}`} data-testid='order-status'>
          {STATUS_LABELS[o.status]}
        </Text>
      </View>
      <View className='order-card__desc'>{o.description}</View>
      <PhotoStrip ids={o.photos} urls={o.photoUrls} label='照片：' testId='order-photos-shown' />
      <ContactFacts o={o} />
      <View className='fact'>
        时间：{o.appointmentAt ? `预约 ${shortTime(o.appointmentAt)}` : WHEN_LABELS[o.when]} · {URGENCY_LABELS[o.urgency]}
      </View>
      <VolunteerFacts o={o} call={callVolunteer} />
      <View className='fact'>积分：{o.points}</View>
      <View className='fact' data-testid='order-no'>单号：{o.no}</View>
      {o.doneNote && <View className='fact'>完成说明：{o.doneNote}</View>}
      <PhotoStrip ids={o.donePhotos} urls={o.photoUrls} label='完成照片：' testId='done-photos-shown' />
      {o.reason && <View className='fact'>说明：{o.reason}</View>}
      {o.rating && <View className='fact' data-testid='order-rating'>评价：{'★'.repeat(o.rating.stars)} {o.rating.comment}</View>}
      {o.check?.answer && <View className='fact' data-testid='order-check'>回访：{CHECK_LABELS[o.check.answer]}</View>}
    </View>
  )
}

/** 回访 waiting for its answer (the order's people only): three big buttons; 没解决 first says what happens next. */
export function CheckCard({ o, onDone }: { o: OrderView; onDone: () => void }) {
  const answer = useAction(api.orders.answerCheck)
  const [picked, setPicked] = useState<CheckAnswer>()
  if (!o.check || o.check.answer) return null
  const reopens = (o.status === 'done' || o.status === 'confirmed') && Date.now() <= (reopenUntil(o) ?? 0)
  const run = (a: CheckAnswer) => {
    setPicked(a)
    return answer.run({ orderId: o._id, answer: a }).then((out) => {
      if (out) onDone()
    })
  }
  const next = reopens ? '单子会重新打开，回到网格员那里重新安排。' : '我们会告诉网格员，请他们来跟进。'
  // promises, not async: the main package is near its budget and async functions compile large
  const send = (a: CheckAnswer) => void (a === 'not' ? confirmFirst('这件事没解决？', next, '没解决').then((yes) => (yes ? run(a) : undefined)) : run(a))
  return (
    <View className='card' data-testid='check-card'>
      <View className='h-title'>回访：这件事解决了吗？</View>
      {CHECK_ANSWERS.map((a) => (
        <BigButton key={a} type={a === 'solved' ? 'success' : 'default'} loading={answer.pending && picked === a} onClick={() => send(a)}>
          {CHECK_LABELS[a]}
        </BigButton>
      ))}
      <FormError error={answer.error} />
    </View>
  )
}

/** A proxy's submission names the role and both people ("楼栋长 王阿姨 代 李奶奶 提交了需求"): its note is the line. */
const proxied = (t: OrderView['timeline'][number]) => t.event === 'CREATE' && t.note

/** 进度: every step with who, when and note, oldest first. */
export function Timeline({ o }: { o: OrderView }) {
  return (
    <View className='card' data-testid='timeline'>
      <View className='field-label'>进度</View>
      {o.timeline.map((t) => (
        <View key={t.seq} className='timeline__item' data-event={t.event}>
          <View>
            <Text className='timeline__what'>{proxied(t) || EVENT_LABELS[t.event] || t.event}</Text>
            <Text className='h-sub'>
              {' '}
              · {proxied(t) ? '' : `${ACTOR_LABELS[t.actor]} · `}
              {shortTime(t.at)}
            </Text>
          </View>
          {t.note && !proxied(t) && <View className='h-sub'>{t.note}</View>}
        </View>
      ))}
    </View>
  )
}

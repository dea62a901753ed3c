import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Textarea } from '@tarojs/components'
import type { OrderView } from '@core/orders/schemas'
import { api } from '@/api'
import { BigButton, FormError, NotFound, Page, StateView } from '@/components'
import { useAction, useQuery } from '@/hooks/use-query'
import { CheckCard, OrderFacts, Timeline } from '../parts/order-detail'
import { NoteForm } from '../parts/note-form'
import { Stars } from '../parts/stars'

const WEEK = 7 * 24 * 3_600_000

/** The resident's view of one order: facts, progress, and what they can do now. */
const CANCEL_ASK = ['取消这张单子？', '取消后网格员和志愿者就不再处理它了。以后还需要，可以再点一次单。', '取消单子'] as const

export default function OrderDetail() {
  const id = useRouter().params.id ?? ''
  const q = useQuery(api.orders.get, { orderId: id })
  // the id is the only input: refused as malformed means no such order, like a missing one
  if (q.error?.code === 'NOT_FOUND' || q.error?.code === 'INVALID_INPUT') return <Page><NotFound title='没有找到这张服务单' /></Page>
  return (
    <Page>
      <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
        {q.data && (
          <>
            <OrderFacts o={q.data} callVolunteer />
            <CheckCard o={q.data} onDone={() => void q.reload()} />
            <OwnerActions o={q.data} onDone={() => void q.reload()} />
            <Timeline o={q.data} />
          </>
        )}
      </StateView>
    </Page>
  )
}

function OwnerActions({ o, onDone }: { o: OrderView; onDone: () => void }) {
  const cancel = useAction(api.orders.cancel)
  const confirm = useAction(api.orders.confirm)
  const rate = useAction(api.orders.rate)
  const reopen = useAction(api.orders.reopen)
  const [stars, setStars] = useState(5)
  const [comment, setComment] = useState('')
  const ran = (out: unknown) => out !== undefined && onDone()
  const since = o.confirmedAt ?? o.doneAt
  const canReopen = (o.status === 'done' || o.status === 'confirmed') && since !== null && Date.now() - since < WEEK
  const error = cancel.error ?? confirm.error ?? rate.error ?? reopen.error
  const canCancel = o.status === 'submitted' || o.status === 'open'
  const canRate = o.status === 'done' || (o.status === 'confirmed' && !o.rating)
  const thanked = ['confirmed', 'closed', 'referred', 'rejected', 'cancelled'].includes(o.status) && !canReopen && !!o.rating
  // nothing left to do (a cancelled order): no empty card
  if (!canCancel && !canRate && !canReopen && !thanked && !error) return null
  return (
    <View className='card' data-testid='owner-actions'>
      {canCancel && (
        <NoteForm label='不需要了？' placeholder='原因（可不填）' submit='取消这张单子' optional type='default' pending={cancel.pending} testId='cancel-form' confirm={CANCEL_ASK} onSubmit={async (reason) => ran(await cancel.run({ orderId: o._id, reason: reason || undefined }))} />
      )}
      {canRate && (
        <View data-testid='confirm-form'>
          <View className='field-label'>{o.status === 'done' ? '服务满意吗？确认完成并评价' : '给这次服务评个分'}</View>
          <Stars value={stars} onChange={setStars} />
          <Textarea className='field-input field-textarea order-text' data-testid='comment' value={comment} maxlength={200} placeholder='说几句（可不填）' onInput={(e) => setComment(e.detail.value)} />
          <BigButton
            type='success'
            loading={confirm.pending || rate.pending}
            onClick={async () => {
              const input = { orderId: o._id, stars, comment: comment.trim() || undefined }
              ran(o.status === 'done' ? await confirm.run(input) : await rate.run(input))
            }}
          >
            {o.status === 'done' ? '确认完成' : '提交评价'}
          </BigButton>
        </View>
      )}
      {canReopen && (
        <NoteForm label='问题没解决？7天内可以重新打开' placeholder='哪里还不好' submit='重新打开' type='default' pending={reopen.pending} testId='reopen-form' onSubmit={async (reason) => ran(await reopen.run({ orderId: o._id, reason }))} />
      )}
      <FormError error={error} />
      {thanked && <View className='ok-text'>谢谢您的评价</View>}
    </View>
  )
}

import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { api } from '@/api'
import type { applicationItem } from '@core/users/schemas'
import { SKILL_LABELS, TIME_SLOT_LABELS } from '@core/users/vocab'
import type { z } from 'zod'
import { BigButton, Field, FormError, Page, PagedList, RoleGate } from '@/components'
import { useMe, useStructure } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'
import { usePaged } from '@/hooks/use-paged'
import { addressText, gridName } from '@/lib/address'
import { shortTime } from '@/lib/time'

type Item = z.infer<typeof applicationItem>

/** 网格员: pending volunteer applications in my grids; approve, or reject with a reason. */
export default function Applications() {
  const me = useMe()
  const isStaff = me.has('staff', 'admin')
  const list = usePaged(api.users.listVolunteerApplications, { status: 'pending', limit: 20 }, { enabled: isStaff, idOf: (it) => it.openid })
  const structure = useStructure()
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <View className='h-title'>待审核的志愿者申请</View>
        <PagedList list={list} emptyText='没有待审核的申请'>
          {list.items.map((it) => (
            <ApplicationCard key={it.openid} item={it} where={`${gridName(structure.data, it.gridId)} · ${addressText(structure.data, it.buildingId, '')}`} onDone={list.reload} />
          ))}
        </PagedList>
      </RoleGate>
    </Page>
  )
}

function ApplicationCard({ item, where, onDone }: { item: Item; where: string; onDone: () => Promise<void> }) {
  const review = useAction(api.users.reviewVolunteer)
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const decide = async (decision: 'approve' | 'reject') => {
    const out = await review.run(decision === 'approve' ? { openid: item.openid, decision } : { openid: item.openid, decision, reason })
    if (out) await onDone()
  }
  return (
    <View className='card' data-testid={`application-${item.openid}`}>
      <Text className='h-title'>{item.name}</Text>
      <View className='h-sub'>
        {where.trim()} · {item.phone} · {shortTime(item.appliedAt)}申请
      </View>
      <View className='field-label'>会做：{item.skills.map((s) => SKILL_LABELS[s]).join('、')}</View>
      <View>时间：{item.availableTimes.map((t) => TIME_SLOT_LABELS[t]).join('、')}</View>
      {item.intro && <View className='h-sub'>“{item.intro}”</View>}
      <FormError error={review.error} fields={rejecting ? ['reason'] : []} />
      {rejecting ? (
        <>
          <Field label='不通过的原因（会告诉申请人）' path='reason' error={review.error} count={[reason.length, 200]}>
            <Textarea className='field-input field-textarea' value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
          </Field>
          <BigButton type='danger' onClick={() => void decide('reject')} loading={review.pending}>
            确认不通过
          </BigButton>
        </>
      ) : (
        <View className='review-actions'>
          <BigButton type='success' onClick={() => void decide('approve')} loading={review.pending} className='approve-btn'>
            通过
          </BigButton>
          <BigButton type='default' onClick={() => setRejecting(true)}>
            不通过
          </BigButton>
        </View>
      )}
    </View>
  )
}

import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { OrderView } from '@core/orders/schemas'
import { api } from '@/api'
import { BigButton, ChipPicker, FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { OrderFacts, Timeline } from '@/pages/order/parts/order-detail'
import { NoteForm } from '@/pages/order/parts/note-form'
import { TriageActions } from './actions'
import { VolunteerPicker } from '../../parts/person-picker'
import { StreetAnswer } from '../../parts/street-case'

/** Staff: one order — triage it, follow up an escalation, or reassign when a volunteer is stuck. */
export default function TriageOrder() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const q = useQuery(api.orders.get, { orderId: id })
  const reload = () => void q.reload()
  const works = me.has('staff', 'admin')
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin', 'street_admin']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
          {q.data && (
            <>
              <OrderFacts o={q.data} callVolunteer />
              <StreetAnswer street={q.data.street} />
              {/* a street admin reads a community's orders; only its staff act on them */}
              {works && q.data.status === 'submitted' && <TriageActions o={q.data} onDone={reload} />}
              {works && q.data.status === 'escalated' && <FollowUp o={q.data} onDone={reload} />}
              {works && ['open', 'accepted', 'in_service'].includes(q.data.status) && <Reassign o={q.data} onDone={reload} />}
              {works && q.data.status === 'referred' && q.data.triage?.kind === 'private' && (
                <BigButton type='default' onClick={() => void Taro.navigateTo({ url: `/disputes/pages/report/index?from=order&id=${q.data!._id}` })}>转为调解案子</BigButton>
              )}
              <Timeline o={q.data} />
            </>
          )}
        </StateView>
      </RoleGate>
    </Page>
  )
}

function FollowUp({ o, onDone }: { o: OrderView; onDone: () => void }) {
  const follow = useAction(api.orders.followUp)
  const close = useAction(api.orders.close)
  const ran = (out: unknown) => out !== undefined && onDone()
  return (
    <View className='card'>
      <NoteForm label='跟进情况' submit='记录跟进' type='default' pending={follow.pending} onSubmit={async (note) => ran(await follow.run({ orderId: o._id, note }))} />
      <NoteForm label='办结说明' submit='办结' pending={close.pending} onSubmit={async (note) => ran(await close.run({ orderId: o._id, note }))} />
      <FormError error={(follow.error ?? close.error)} />
    </View>
  )
}

function Reassign({ o, onDone }: { o: OrderView; onDone: () => void }) {
  const reassign = useAction(api.orders.reassign)
  const [to, setTo] = useState<'pool' | 'person'>('pool')
  const [volunteer, setVolunteer] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const run = async (reason: string) => {
    setTried(true)
    if (to === 'person' && !volunteer) return
    const out = await reassign.run({ orderId: o._id, reason, volunteerId: to === 'person' ? volunteer : null })
    if (out !== undefined) onDone()
  }
  return (
    <View className='card' data-testid='reassign'>
      <View className='field-label'>{o.overdue ? '已超时：重新安排' : '重新安排'}</View>
      <ChipPicker
        testId='reassign-to'
        options={[
          { value: 'pool', label: '放回接单大厅' },
          { value: 'person', label: '改派给一位志愿者' },
        ]}
        value={[to]}
        onChange={([v]) => setTo(v as 'pool' | 'person')}
      />
      {to === 'person' && <VolunteerPicker gridId={o.gridId} value={volunteer} exclude={o.volunteerId} onChange={(id) => setVolunteer(id)} testId='reassign-picker' />}
      <NoteForm label='原因' submit='重新安排' type='default' pending={reassign.pending} testId='reassign-form' onSubmit={(reason) => void run(reason)} />
      {to === 'person' && !volunteer && (
        <View className={tried ? 'error-text field-error' : 'h-sub'} data-testid='reassign-no-volunteer'>
          请先选一位志愿者
        </View>
      )}
      <FormError error={reassign.error} />
    </View>
  )
}

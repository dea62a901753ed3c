import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import type { OrderView } from '@core/orders/schemas'
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@core/orders/vocab'
import { TEAMS, TEAM_LABELS, type Team } from '@core/users/vocab'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { NoteForm } from '@/pages/order/parts/note-form'
import { askOrderSubscribe } from '@/pages/order/parts/subscribe'
import { VolunteerPicker } from '../../parts/person-picker'

const REJECT_ASK = ['不受理这张单子？', '单子就此结束，居民会收到您写的原因。', '不受理'] as const
const REFER_ASK = ['转介并结束？', '单子就此结束，居民会收到您写的转介建议。', '转介并结束'] as const

type Kind = 'small' | 'big' | 'private' | 'reject'
const KINDS = [
  { value: 'small', label: '小事：找志愿者' },
  { value: 'big', label: '大事：上报' },
  { value: 'private', label: '私事：转介' },
  { value: 'reject', label: '不受理' },
]

/** 三事分流 for a new or reopened order. */
export function TriageActions({ o, onDone }: { o: OrderView; onDone: () => void }) {
  const [kind, setKind] = useState<Kind>('small')
  const [to, setTo] = useState<string>('pool')
  const [points, setPoints] = useState(String(o.points))
  const [priority, setPriority] = useState<Priority>(o.priority)
  const [awardAgain, setAwardAgain] = useState(false)
  const [volunteer, setVolunteer] = useState<string | null>(null)
  const [noVolunteer, setNoVolunteer] = useState(false)
  const publish = useAction(api.orders.publish)
  const assign = useAction(api.orders.assign)
  const escalate = useAction(api.orders.escalate)
  const refer = useAction(api.orders.refer)
  const reject = useAction(api.orders.reject)
  const ran = (out: unknown) => out !== undefined && onDone()
  const error = publish.error ?? assign.error ?? escalate.error ?? refer.error ?? reject.error
  const extras = { points: Number(points) || 0, priority, awardAgain: o.reopenCount > 0 ? awardAgain : undefined }
  const dispatch = async () => {
    const toPool = to === 'pool' || to === 'street' || to.startsWith('team:')
    if (!toPool && !volunteer) return setNoVolunteer(true)
    // asked at the tap: a message when the volunteer brings it back or it runs late
    const subscribe = await askOrderSubscribe()
    if (toPool) ran(await publish.run({ orderId: o._id, team: to.startsWith('team:') ? (to.slice(5) as Team) : null, toStreet: to === 'street', ...extras, subscribe }))
    else if (volunteer) ran(await assign.run({ orderId: o._id, volunteerId: volunteer, ...extras, subscribe }))
  }
  return (
    <View className='card' data-testid='triage-actions'>
      <ChipPicker testId='triage-kind' options={KINDS} value={[kind]} onChange={([k]) => setKind(k as Kind)} />
      {kind === 'small' && (
        <View>
          <View className='field-label'>派给谁</View>
          <ChipPicker
            testId='triage-to'
            options={[
              { value: 'pool', label: '接单大厅（本社区志愿者）' },
              { value: 'street', label: '街道接单大厅（邻近社区的志愿者也能接）' },
              ...TEAMS.map((t) => ({ value: `team:${t}`, label: `只给${TEAM_LABELS[t]}` })),
              { value: 'person', label: '指派给一位志愿者' },
            ]}
            value={[to]}
            onChange={([t]) => setTo(t)}
          />
          {to === 'person' && (
            <VolunteerPicker
              gridId={o.gridId}
              value={volunteer}
              onChange={(id) => {
                setVolunteer(id)
                setNoVolunteer(false)
              }}
              testId='assign-picker'
            />
          )}
          {to === 'person' && noVolunteer && <View className='error-text field-error' data-testid='error-volunteerId'>请先选一位志愿者</View>}
          <Field label='优先级' path='priority' error={error}>
            <ChipPicker options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} value={[priority]} onChange={([p]) => setPriority(p as Priority)} />
          </Field>
          <Field label='积分' path='points' error={error}>
            <Input className='field-input order-text' type='number' data-testid='triage-points' value={points} onInput={(e) => setPoints(e.detail.value)} />
          </Field>
          {o.reopenCount > 0 && (
            <ChipPicker
              options={[
                { value: 'no', label: '重新打开：不再给积分' },
                { value: 'yes', label: '重新打开：再给一次积分' },
              ]}
              value={[awardAgain ? 'yes' : 'no']}
              onChange={([v]) => setAwardAgain(v === 'yes')}
            />
          )}
          <BigButton loading={publish.pending || assign.pending} onClick={() => void dispatch()}>
            派单
          </BigButton>
        </View>
      )}
      {kind === 'big' && <EscalateForm pending={escalate.pending} onSubmit={async (department, note, toStreet) => ran(await escalate.run({ orderId: o._id, department, note, toStreet }))} />}
      {kind === 'private' && <NoteForm label='转介建议' placeholder='例如：每月5日社区有律师坐班' submit='转介并结束' pending={refer.pending} confirm={REFER_ASK} onSubmit={async (guidance) => ran(await refer.run({ orderId: o._id, guidance }))} />}
      {kind === 'reject' && <NoteForm label='不受理的原因' submit='不受理' type='danger' pending={reject.pending} testId='reject-form' confirm={REJECT_ASK} onSubmit={async (reason) => ran(await reject.run({ orderId: o._id, reason }))} />}
      <FormError error={error} fields={['priority', 'points']} testId='triage-error' />
    </View>
  )
}

const ESCALATE_TO = [
  { value: 'street', label: '上报街道（街道答复，有时限）' },
  { value: 'department', label: '上报其他部门' },
]

function EscalateForm({ pending, onSubmit }: { pending: boolean; onSubmit: (department: string, note: string, toStreet: boolean) => void }) {
  const [to, setTo] = useState('street')
  const [department, setDepartment] = useState('')
  const where = to === 'street' ? '街道办事处' : department.trim()
  return (
    <View>
      <ChipPicker testId='escalate-to' options={ESCALATE_TO} value={[to]} onChange={([t]) => setTo(t)} />
      {to === 'department' && (
        <>
          <View className='field-label'>上报到哪个部门</View>
          <Input className='field-input order-text' value={department} placeholder='例如：区城管局' onInput={(e) => setDepartment(e.detail.value)} />
        </>
      )}
      <NoteForm label='说明' submit='上报' pending={pending} testId='escalate-form' onSubmit={(note) => where && onSubmit(where, note, to === 'street')} />
    </View>
  )
}

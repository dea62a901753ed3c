import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { OutputOf } from '@core/contract/define'
import type { pointsFn } from '@core/points/contract'
import { api } from '@/api'
import { BigButton, FormError, Page, PagedList, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'
import { usePaged } from '@/hooks/use-paged'
import { confirmFirst } from '@/lib/confirm'
import { shortTime } from '@/lib/time'

type Adjustment = OutputOf<typeof pointsFn.adjustments>['items'][number]

const STATUS: Record<Adjustment['status'], string> = { done: '已调整', pending: '待审批', approved: '已批准', rejected: '已驳回', expired: '已作废（7天未审批）' }
const WHY: Record<Adjustment['why'], string> = { direct: '', over_limit: '超过单笔限额', over_daily: '超过当天累计限额', recent_move: '这位居民最近刚换了网格' }
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

/**
 * 积分审批: adjustments over the limits wait here for a second person. An admin sees what waits
 * (and can approve or reject what they did not ask for and do not gain from); a 网格员 sees the
 * adjustments they asked for. Below, for the admin: the audit trail of every attempt.
 */
export default function PointsApprovalsPage() {
  const me = useMe()
  const admin = me.has('admin')
  const [all, setAll] = useState(false)
  const list = usePaged(api.points.adjustments, { limit: 20, status: all ? 'all' : 'pending' }, { enabled: me.has('staff', 'admin'), idOf: (a) => a.id })
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <View className='card'>
          <Text className='h-title'>{admin ? (all ? '全部调整单' : '待审批的调整') : '我提交的调整'}</Text>
          <View className='h-sub'>超过单笔或当天累计限额的调整，要另一位管理员批准后才动积分；7天没人审批就作废。</View>
          {admin && <BigButton type='default' onClick={() => setAll(!all)}>{all ? '只看待审批的' : '看全部调整单'}</BigButton>}
        </View>
        <PagedList list={list} emptyText={admin ? '没有待审批的调整' : '您还没有提交过调整'}>
          {list.items.map((a) => <AdjustmentCard key={a.id} a={a} onChanged={list.reload} />)}
        </PagedList>
        {admin && <AuditTrail />}
      </RoleGate>
    </Page>
  )
}

function AdjustmentCard({ a, onChanged }: { a: Adjustment; onChanged: () => Promise<void> }) {
  const approve = useAction(api.points.approveAdjustment)
  const reject = useAction(api.points.rejectAdjustment)
  const [note, setNote] = useState('')
  const [rejecting, setRejecting] = useState(false)
  const doApprove = async () => {
    if (!(await confirmFirst('批准这次调整？', `批准后马上给「${a.targetName}」${signed(a.delta)} 分，不能撤回。`, '批准'))) return
    if (await approve.run({ id: a.id })) await onChanged()
  }
  const doReject = async () => {
    if (await reject.run({ id: a.id, note })) await onChanged()
  }
  const error = approve.error ?? reject.error
  return (
    <View className='card' data-testid={`adjustment-${a.id}`}>
      <View className='row'>
        <Text className='h-title'>{a.targetName}：{signed(a.delta)} 分</Text>
        <Text data-testid='adjustment-status'>{STATUS[a.status]}</Text>
      </View>
      <View>原因：{a.reason}</View>
      <View className='h-sub'>{a.requesterName || '工作人员'} 提交于 {shortTime(a.createdAt)}{WHY[a.why] ? ` · ${WHY[a.why]}` : ''}</View>
      {a.decisionNote && <View className='h-sub'>驳回原因：{a.decisionNote}</View>}
      {a.decidable && !rejecting && (
        <>
          <BigButton loading={approve.pending} onClick={() => void doApprove()}>批准</BigButton>
          <BigButton type='default' onClick={() => setRejecting(true)}>驳回…</BigButton>
        </>
      )}
      {rejecting && (
        <>
          <View className='field-label'>驳回原因（必填，提交人能看到）</View>
          <Input className='field-input' data-testid='reject-note' value={note} onInput={(e) => setNote(e.detail.value)} placeholder='如：没有签到记录' />
          <BigButton type='danger' loading={reject.pending} onClick={() => void doReject()}>确认驳回</BigButton>
          <BigButton type='default' onClick={() => setRejecting(false)}>不驳回了</BigButton>
        </>
      )}
      <FormError error={error} />
    </View>
  )
}

/** Who did what to the 爱心银行, newest first, refusals included. */
function AuditTrail() {
  const log = usePaged(api.points.auditLog, { limit: 20 }, { idOf: (e) => e.id })
  return (
    <View className='card' data-testid='audit-trail'>
      <Text className='h-title'>操作记录</Text>
      <PagedList list={log} emptyText='还没有记录'>
        {log.items.map((e) => (
          <View key={e.id} className='row' data-testid='audit-entry'>
            <View>
              <View>{e.byName || '某用户'} · {e.what}</View>
              <View className='h-sub'>{shortTime(e.at)}</View>
            </View>
            <Text className={e.outcome === 'ok' ? 'ok-text' : 'error-text'}>{e.outcome === 'ok' ? '成功' : (e.message ?? '被拒绝')}</Text>
          </View>
        ))}
      </PagedList>
    </View>
  )
}

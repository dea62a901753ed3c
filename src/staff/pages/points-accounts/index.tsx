import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FormError, Page, PagedList, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'
import { usePaged } from '@/hooks/use-paged'
import { call } from '@/api/client'
import { newRequestId } from '../../../pages/events/parts'
import { CsvButton } from '../../lib/csv-button'
import { csvFileName } from '../../lib/csv-name'

const PENDING_WHY: Record<string, string> = { over_limit: '这次调整超过了单笔限额', over_daily: '今天调整的积分已超过限额', recent_move: '这位居民最近刚换了网格', direct: '' }

/**
 * 网格员 (own grid) / 管理员 (all): residents' 爱心银行 accounts, CSV export, and adjusting one
 * person's points with a reason (the transfer records who, when and why).
 */
export default function PointsAccountsPage() {
  const me = useMe()
  const list = usePaged(api.points.accounts, { limit: 20, csv: false }, { enabled: me.has('staff', 'admin'), idOf: (a) => a.openid })
  const [who, setWho] = useState<{ openid: string; name: string }>()
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <PagedList list={list} emptyText='范围内还没有居民'>
          <View className='card' data-testid='accounts'>
            <Text className='h-title'>居民积分（{me.has('admin') ? '全部' : '本网格'}）</Text>
            {list.items.map((a) => (
              <View key={a.openid} className='row' data-testid={`account-${a.openid}`} onClick={() => setWho({ openid: a.openid, name: a.name })}>
                <Text>{a.name || a.openid} · {a.gridId}</Text>
                <Text data-testid='account-balance'>{a.balance} 分</Text>
              </View>
            ))}
          </View>
        </PagedList>
        {who && <Adjust who={who} onDone={list.reload} />}
        <View className='card'>
          <CsvButton label='导出 CSV' fileName={csvFileName('积分账户', undefined, Date.now())} csv={async () => (await call(api.points.accounts, { csv: true })).csv ?? null} testId='csv' />
        </View>
      </RoleGate>
    </Page>
  )
}

function Adjust({ who, onDone }: { who: { openid: string; name: string }; onDone: () => Promise<void> }) {
  const adjust = useAction(api.points.adjust)
  const [delta, setDelta] = useState('')
  const [reason, setReason] = useState('')
  const [done, setDone] = useState('')
  // one request id per intended adjustment: a retried tap never adjusts twice
  const [requestId, setRequestId] = useState(newRequestId)
  const submit = async () => {
    const r = await adjust.run({ openid: who.openid, delta: Number(delta), reason, requestId })
    if (!r) return
    setDone(
      r.status === 'pending'
        ? `${PENDING_WHY[r.why]}，已提交管理员审批，批准后才生效`
        : `已调整，${who.name || '该居民'}现有 ${r.balance ?? ''} 分`,
    )
    setDelta('')
    setReason('')
    setRequestId(newRequestId())
    await onDone()
  }
  return (
    <View className='card' data-testid='adjust'>
      <Text className='h-title'>调整「{who.name || who.openid}」的积分</Text>
      <Field label='增减多少（扣分写负数，如 -10）' path='delta' error={adjust.error}>
        <Input className='field-input' data-testid='adjust-delta' type='text' value={delta} onInput={(e) => setDelta(e.detail.value)} />
      </Field>
      <Field label='原因（必填，会记录操作人）' path='reason' error={adjust.error}>
        <Input className='field-input' data-testid='adjust-reason' value={reason} onInput={(e) => setReason(e.detail.value)} placeholder='如：补发上周义诊签到积分' />
      </Field>
      <FormError error={adjust.error} fields={['delta', 'reason']} testId='adjust-error' />
      {done && <View className='ok-text' data-testid='adjust-done'>{done}</View>}
      <BigButton onClick={() => void submit()} loading={adjust.pending}>确认调整</BigButton>
    </View>
  )
}

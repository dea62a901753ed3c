import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, ChipPicker, FormError, Page, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { labelled } from '@/lib/a11y'
import { confirmFirst } from '@/lib/confirm'
import { useAction, useQuery } from '@/hooks/use-query'
import { shortTime } from '@/lib/time'
import { EVENT_KIND_LABELS } from '@core/events/model'
import { EVENT_PAGE, eventIdOf, shareCard } from '@core/events/share'
import { newRequestId, STATUS_TEXT, type EventItem } from '../parts'
import { QrImage } from '../qr-image'

/** The token of `LINLI:CI:<token>` in groups of four, to read out if the scan fails. */
const readable = (code: string) => code.replace(/^LINLI:CI:/, '').replace(/(.{4})(?=.)/g, '$1 ')

const FAMILY = [0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: n ? `带${n}位家人` : '就我一人' }))
/** Reminder template id, a build constant (config/constants.ts: TARO_APP_TEMPLATE_EVENT). */
const REMINDER_TEMPLATE = process.env.TARO_APP_TEMPLATE_EVENT as string

/** Ask for the reminder subscribe message at the natural tap (weapp only; H5 has none). */
async function askReminder(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !REMINDER_TEMPLATE) return false
  const r = await Taro.requestSubscribeMessage({ tmplIds: [REMINDER_TEMPLATE] } as never).catch(() => null)
  return !!r && (r as Record<string, string>)[REMINDER_TEMPLATE] === 'accept'
}

export default function EventDetailPage() {
  // from a link or a share card (id), or from the poster code on the notice board (scene)
  const id = eventIdOf(useRouter().params)
  const me = useMe()
  const q = useQuery(api.events.detail, { eventId: id }, { enabled: !!id })
  const e = q.data
  useShareAppMessage(() => (e ? shareCard(e) : { title: '社区活动', path: `/${EVENT_PAGE}?id=${id}` }))
  if (!id || (q.error as { code?: string } | null)?.code === 'NOT_FOUND') return <NoSuchEvent />
  return (
    <Page>
      <StateView loading={q.loading} hasData={!!e} error={q.error} onRetry={q.reload}>
        {e && (
          <>
            <View className='card'>
              <Text className='h-title'>{e.title}</Text>
              <View>{EVENT_KIND_LABELS[e.kind]} · {e.place}</View>
              <View data-testid='event-times'>{shortTime(e.startAt)} — {shortTime(e.endAt)}</View>
              <View className='h-sub'>报名截止 {shortTime(e.deadline)} · 剩余名额 <Text data-testid='seats-left'>{e.seatsLeft}</Text> / {e.capacity}</View>
              {e.points > 0 && <View className='h-sub'>到场签到得 {e.points} 积分</View>}
              {e.kind === 'council' && (
                <BigButton type='default' onClick={() => void Taro.navigateTo({ url: `/council/pages/session/index?id=${e.id}` })}>
                  这场议事会的议题和纪要
                </BigButton>
              )}
            </View>
            {e.status === 'cancelled' ? (
              <View className='card error-text' data-testid='event-cancelled'>
                这个活动已取消{e.cancelReason ? `：${e.cancelReason}` : ''}。报名作废，兑换的积分已退回。
              </View>
            ) : (
              <>
                <SignUp e={e} onChanged={q.reload} />
                {e.booths.length > 0 && <Booths e={e} onChanged={q.reload} />}
                {process.env.TARO_ENV === 'weapp' && (
                  <View className='card'>
                    <BigButton type='default' openType='share'>转发给邻居或家人群</BigButton>
                  </View>
                )}
              </>
            )}
            {me.has('staff', 'admin') && <StaffLinks id={e.id} />}
          </>
        )}
      </StateView>
    </Page>
  )
}

function SignUp({ e, onChanged }: { e: EventItem; onChanged: () => Promise<void> }) {
  const [family, setFamily] = useState('0')
  const [code, setCode] = useState('')
  const signUp = useAction(api.events.signUp)
  const cancel = useAction(api.events.cancel)
  const checkIn = useAction(api.events.checkIn)
  const myCode = useQuery(api.events.myCode, { eventId: e.id }, { enabled: e.mine?.status === 'registered' })
  const [done, setDone] = useState('')
  const mine = e.mine
  const live = mine && mine.status !== 'cancelled'
  const error = signUp.error ?? cancel.error ?? checkIn.error
  const leave = async (waiting: boolean) => {
    const ok = waiting
      ? await confirmFirst('不等了？', '取消后您就不在候补名单上了，以后有空位也不会通知您。', '取消候补')
      : await confirmFirst('取消报名？', '取消后您的名额让给候补的邻居。还有名额的话，活动开始前可以再报名。', '取消报名')
    if (!ok) return
    if (await cancel.run({ eventId: e.id })) await onChanged()
  }
  return (
    <View className='card' data-testid='signup-card'>
      {live ? (
        <View className='ok-text' data-testid='my-status'>
          {STATUS_TEXT[mine.status]}{mine.position ? `，第 ${mine.position} 位` : ''}{mine.family ? `（带${mine.family}位家人）` : ''}
        </View>
      ) : (
        <>
          <ChipPicker testId='family-picker' options={FAMILY} value={[family]} onChange={([f]) => setFamily(f)} />
          <BigButton onClick={async () => (await signUp.run({ eventId: e.id, family: Number(family), subscribed: await askReminder() })) && onChanged()} loading={signUp.pending}>
            我要报名
          </BigButton>
        </>
      )}
      {mine?.status === 'registered' && (
        <>
          <View className='field-label'>到了现场：输入工作人员展示的6位签到码</View>
          <Input className='field-input' data-testid='checkin-code' {...labelled('6位签到码')} type='number' maxlength={6} value={code} onInput={(x) => setCode(x.detail.value)} />
          <BigButton
            type='success'
            loading={checkIn.pending}
            onClick={async () => {
              const r = await checkIn.run({ eventId: e.id, code })
              if (r) setDone(r.awarded ? `签到成功，获得 ${r.awarded} 积分` : '已签到')
              if (r) await onChanged()
            }}
          >
            签到
          </BigButton>
          {myCode.data && (
            <View data-testid='my-code'>
              <View className='field-label'>或者请工作人员扫这个码</View>
              <QrImage text={myCode.data.code} alt='我的签到码，给工作人员扫' caption={readable(myCode.data.code)} testId='my-code-qr' />
            </View>
          )}
          <BigButton type='default' loading={cancel.pending} onClick={() => void leave(false)}>取消报名</BigButton>
        </>
      )}
      {mine?.status === 'waiting' && <BigButton type='default' loading={cancel.pending} onClick={() => void leave(true)}>不等了，取消候补</BigButton>}
      {done && <View className='ok-text' data-testid='checkin-done'>{done}</View>}
      <FormError error={error} />
    </View>
  )
}

function Booths({ e, onChanged }: { e: EventItem; onChanged: () => Promise<void> }) {
  const redeem = useAction(api.points.redeem)
  const [got, setGot] = useState<{ display: string; qr: string; giftName: string; balance: number }>()
  return (
    <View className='card' data-testid='booths'>
      <Text className='h-title'>现场兑换礼品</Text>
      {e.booths.map((b) => (
        <View key={b.giftId} data-testid={`booth-${b.giftId}`}>
          <View className='field-label'>{b.giftName} · {b.price} 积分 · 剩 {b.left ?? b.stock} 份</View>
          <BigButton
            type='default'
            loading={redeem.pending}
            onClick={async () => {
              const r = await redeem.run({ eventId: e.id, giftId: b.giftId, requestId: newRequestId() })
              if (!r) return
              setGot(r)
              await onChanged()
            }}
          >
            兑换
          </BigButton>
        </View>
      ))}
      {got && (
        <View className='ok-text' data-testid='redeem-code'>
          已为您留好「{got.giftName}」，兑换码 <Text className='h-title'>{got.display}</Text>，到摊位出示二维码或报兑换码即可领取（剩余积分 {got.balance}）
          <QrImage text={got.qr} alt={`「${got.giftName}」的兑换二维码，到摊位给工作人员扫`} caption={got.display} testId='redeem-qr' />
        </View>
      )}
      <FormError error={redeem.error} />
    </View>
  )
}

/** Opened without an event (a broken link, a poster without its code): say so and offer the way on. */
function NoSuchEvent() {
  return (
    <Page>
      <View className='card' data-testid='no-such-event'>
        <Text className='h-title'>没有找到这个活动</Text>
        <View>链接可能不完整，或者活动已经删除。</View>
      </View>
      <BigButton onClick={() => void Taro.reLaunch({ url: '/pages/events/index/index' })}>看看其他活动</BigButton>
      <BigButton type='default' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>回首页</BigButton>
    </Page>
  )
}

function StaffLinks({ id }: { id: string }) {
  const go = (p: string) => void Taro.navigateTo({ url: `/staff/pages/${p}/index?id=${id}` })
  return (
    <View className='card'>
      <Text className='h-title'>工作人员</Text>
      <BigButton type='default' onClick={() => go('checkin')}>现场签到</BigButton>
      <BigButton type='default' onClick={() => go('booth')}>摊位核销</BigButton>
      <BigButton type='default' onClick={() => go('reconcile')}>兑换对账</BigButton>
      <BigButton type='default' onClick={() => go('event-publish')}>修改或取消活动</BigButton>
      <BigButton type='default' onClick={() => go('event-poster')}>海报小程序码（贴公告栏）</BigButton>
    </View>
  )
}

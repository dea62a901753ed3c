import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { PersonPicker } from '../../parts/person-picker'
import { DESK_POLL_MS, EventHeading, useDeskEvent } from '../../parts/event-desk'
import { usePoll } from '@/hooks/use-poll'
import { labelled } from '@/lib/a11y'

const STATUS: Record<string, string> = { registered: '已报名', waiting: '候补', cancelled: '已取消', attended: '已签到', no_show: '未到' }

type CheckedIn = { name: string; already: boolean; awarded: number; note: string | null }
const resultText = (r: CheckedIn) => `${r.name || '居民'}：${r.already ? '已签到过' : `签到成功${r.awarded ? `，发放 ${r.awarded} 积分` : ''}`}${r.note ? `（${r.note}）` : ''}`

/** 现场签到: show the rotating code; scan or type an attendee's code; add a walk-in; list who came. */
export default function CheckinPage() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const staff = me.has('staff', 'admin')
  const code = useQuery(api.events.checkinCode, { eventId: id }, { enabled: staff && !!id })
  const list = useQuery(api.events.attendees, { eventId: id }, { enabled: staff && !!id })
  const event = useDeskEvent(id, staff)
  // residents also check themselves in with the rotating code: keep the list current while open
  usePoll(list.reload, DESK_POLL_MS, staff && !!id)
  const checkIn = useAction(api.events.staffCheckIn)
  const [text, setText] = useState('')
  const [last, setLast] = useState('')
  useEffect(() => {
    if (!code.data) return
    const t = setTimeout(() => void code.reload(), Math.max(1000, code.data.validUntil - Date.now()))
    return () => clearTimeout(t)
  }, [code.data, code.reload])
  const submit = async (value: string) => {
    const r = await checkIn.run({ eventId: id, code: value })
    if (r) {
      setLast(resultText(r))
      setText('')
      await list.reload()
    }
  }
  const scan = async () => {
    const r = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null)
    if (r?.result) await submit(r.result)
  }
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <EventHeading e={event.data} />
        <View className='card'>
          <View className='h-sub'>请居民在活动页输入这个签到码（每分钟更换）</View>
          <Text className='h-title' data-testid='rotating-code'>{code.data?.code ?? '……'}</Text>
        </View>
        <View className='card'>
          {process.env.TARO_ENV === 'weapp' && <BigButton onClick={() => void scan()}>扫居民的签到码</BigButton>}
          <Input className='field-input' data-testid='attendee-code' value={text} placeholder='或输入居民码下面的16位字母数字' {...labelled('居民的签到码')} onInput={(e) => setText(e.detail.value)} />
          <BigButton type='default' loading={checkIn.pending} onClick={() => void submit(text.trim())}>签到</BigButton>
          {last && <View className='ok-text'>{last}</View>}
          <FormError error={checkIn.error} />
        </View>
        <WalkIn eventId={id} me={me.data?.profile?.openid ?? null} onDone={list.reload} />
        <StateView loading={list.loading} hasData={!!list.data} error={list.error} onRetry={list.reload}>
          <View className='h-sub'>已占名额 {list.data?.seated ?? 0} / {list.data?.capacity ?? 0}</View>
          {list.data?.items.map((a) => (
            <View key={a.openid} className='row' data-testid={`attendee-${a.openid}`}>
              <Text>{a.name}{a.family ? ` +${a.family}` : ''}{a.walkIn ? `（现场登记 · ${a.walkInBy ?? ''}）` : ''}{a.awarded ? ` +${a.awarded}分` : ''}</Text>
              <Text>{STATUS[a.status]}{a.position ? ` 第${a.position}位` : ''}</Text>
            </View>
          ))}
        </StateView>
      </RoleGate>
    </Page>
  )
}

/**
 * 现场登记: someone came without signing up. Only while the event runs, a limited number per staff
 * member (set by the admin); each walk-in is marked in the list and the reconciliation with who added it.
 */
function WalkIn({ eventId, me, onDone }: { eventId: string; me: string | null; onDone: () => Promise<void> }) {
  const walkIn = useAction(api.events.staffCheckIn)
  const [who, setWho] = useState<{ openid: string; name: string } | null>(null)
  const [result, setResult] = useState('')
  const add = async () => {
    if (!who || !(await confirmFirst('现场登记', `给没报名的「${who.name}」登记到场？登记会记下您的名字，每场活动登记人数有上限。`, '登记'))) return
    const r = await walkIn.run({ eventId, openid: who.openid, walkIn: true })
    if (r) {
      setResult(resultText(r))
      setWho(null)
      await onDone()
    }
  }
  return (
    <View className='card' data-testid='walk-in'>
      <Text className='h-title'>现场登记（没报名的居民）</Text>
      <PersonPicker value={who?.openid ?? null} exclude={me} onChange={(openid, name) => setWho(openid ? { openid, name: name ?? '' } : null)} testId='walk-in-picker' />
      <BigButton type='default' loading={walkIn.pending} onClick={() => void add()}>{who ? `登记「${who.name}」到场` : '先搜索并选一位居民'}</BigButton>
      {result && <View className='ok-text' data-testid='walk-in-done'>{result}</View>}
      <FormError error={walkIn.error} />
    </View>
  )
}

import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PhoneCall } from '@/components'
import type { DisputeView } from '@core/disputes/contract'
import { DISPUTE_CATEGORIES, DISPUTE_EVENT_LABELS, DISPUTE_SOURCES, DISPUTE_STATUS_LABELS, ROUTES } from '@core/disputes/vocab'
import { shortDate, shortTime } from '@/lib/time'
import { dateLabel } from '@core/events/times'

const SIDES = { applicant: '申请人', respondent: '对方' } as const
const eventLabel = (e: string) => (DISPUTE_EVENT_LABELS as Record<string, string>)[e] ?? e

/** Everything about a case the caller may see: who, what, the sessions, the agreement or the guidance, the steps so far. */
export function CaseFacts({ d }: { d: DisputeView }) {
  return (
    <>
      <View className='card'>
        <Text className='h-title' data-testid='case-title'>{d.title}</Text>
        <View className='h-sub'>{DISPUTE_CATEGORIES[d.category]} · {DISPUTE_SOURCES[d.source]} · {d.reportedBy} · {shortDate(d.reportedAt)}</View>
        <View className='ok-text' data-testid='case-status'>{DISPUTE_STATUS_LABELS[d.status]}</View>
        <View className='case-line'>{d.detail}</View>
      </View>
      <View className='card' data-testid='case-people'>
        {d.parties.map((p, i) => (
          <View key={i} className='case-line'>
            {SIDES[p.side]}：{p.name}{p.hasApp === false ? '（没有用小程序）' : ''}
            {p.phone && <PhoneCall phone={p.phone} label={`打给${p.name}`} />}
          </View>
        ))}
        {d.mediators.map((m, i) => (
          <View key={`m${i}`} className='case-line' data-testid='case-mediator'>
            调解员：{m.title} {m.name}
            {m.phone && <PhoneCall phone={m.phone} label={`打给${m.name}`} />}
          </View>
        ))}
        {d.sessions.map((s, i) => (
          <View key={`s${i}`} className='case-line' data-testid='case-session'>第{i + 1}次调解：{shortTime(s.at)}，{s.place}</View>
        ))}
      </View>
      {d.agreement && (
        <View className='card' data-testid='case-agreement'>
          <View className='h-title'>{d.agreement.written ? '书面协议' : '口头协议'}</View>
          <View className='case-line'>{d.agreement.terms}</View>
          <View className='case-line'>履行期限：{dateLabel(d.agreement.performBy)}</View>
          {d.agreement.written && <View className='h-sub'>签字的协议书原件请当事人收好，它是法律凭证；可在签订后30天内一起到法院申请司法确认，第20天会提醒大家。</View>}
          {d.agreement.photoUrl && (
            <Image className='case-photo' src={d.agreement.photoUrl} mode='aspectFit' data-testid='agreement-photo' onClick={() => void Taro.previewImage({ urls: [d.agreement!.photoUrl!] })} />
          )}
        </View>
      )}
      {d.guidance && (
        <View className='card' data-testid='case-guidance'>
          <View className='h-title'>建议去：{ROUTES[d.guidance.route]}</View>
          <View className='case-line'>{d.guidance.guidance}</View>
        </View>
      )}
      {d.followUp && (
        <View className='card' data-testid='case-follow-up'>
          回访：{d.followUp.performed === null ? '' : d.followUp.performed ? '已履行，' : '没有履行，'}{d.followUp.satisfied ? '当事人满意' : '当事人不满意'}
          {d.followUp.remaining && <View className='case-line'>还没解决：{d.followUp.remaining}</View>}
        </View>
      )}
      <View className='card' data-testid='case-timeline'>
        {d.timeline.map((e, i) => (
          <View key={i} className='h-sub'>{shortTime(e.at)} {eventLabel(e.event)}{e.note ? `：${e.note}` : ''}</View>
        ))}
      </View>
    </>
  )
}

import { View, Text } from '@tarojs/components'
import type { TopicDetail } from '@core/council/contract'
import { ACTION_KINDS } from '@core/council/minutes'

/** A decision, its dissent, and each action with who does it by when; progress as "已完成 n / m 项". */
export function Decision({ d }: { d: NonNullable<TopicDetail['decision']> }) {
  const { done, all } = d.progress
  return (
    <View className='card' data-testid='decision'>
      <Text className='h-title'>议事会决议</Text>
      <View data-testid='decision-text'>{d.decision}</View>
      {d.dissent && <View className='h-sub'>不同意见：{d.dissent}</View>}
      {all > 0 && (
        <>
          <View className='progress' aria-label={`已完成 ${done} 项，共 ${all} 项`}>
            <View className='progress__bar' style={{ width: `${Math.round((done / all) * 100)}%` }} />
          </View>
          <View data-testid='decision-progress'>已完成 {done} / {all} 项</View>
        </>
      )}
      {d.actions.map((a) => (
        <View key={a.id} className='action-line' data-testid={`action-${a.id}`}>
          {a.doneAt ? '✔ ' : '○ '}
          {ACTION_KINDS[a.kind]}：{a.title}（{a.ownerName}负责，{a.due} 前{a.doneAt ? '，已完成' : ''}）
        </View>
      ))}
    </View>
  )
}

import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DashboardView } from '@core/kpis/contract'
import { monthLabel, pct } from './format'

const W = 640
const H = 240
const px = (n: number) => Taro.pxTransform(n)

/**
 * 收集 vs 解决 per month as bars, the 解决率 as a line over them. Plain views (no canvas, no library):
 * the same in the mini-program and the browser, and a few hundred bytes.
 */
export function MonthChart({ months, thisYear }: { months: DashboardView['months']; thisYear: number }) {
  const max = Math.max(1, ...months.map((m) => m.collected))
  const slot = W / months.length
  const points = months.map((m, i) => (m.solveRate === null ? null : { x: slot * (i + 0.5), y: H * (1 - m.solveRate) }))
  return (
    <View className='card' data-testid='month-chart'>
      <View className='field-label'>每月收集和解决（折线：解决率）</View>
      <View className='kpi-chart' style={{ width: px(W), height: px(H) }}>
        {months.map((m, i) => (
          <View key={m.month} className='kpi-chart__pair' style={{ left: px(slot * i + slot * 0.2), width: px(slot * 0.6) }}>
            <View className='kpi-chart__bar kpi-chart__bar--in' style={{ height: px((H * m.collected) / max) }} />
            <View className='kpi-chart__bar kpi-chart__bar--done' style={{ height: px((H * m.solved) / max) }} />
          </View>
        ))}
        {points.map((p, i) => {
          const q = points[i + 1]
          if (!p || !q) return null
          const dx = q.x - p.x
          const dy = q.y - p.y
          const angle = (Math.atan2(dy, dx) * 180) / Math.PI
          return <View key={i} className='kpi-chart__line' style={{ left: px(p.x), top: px(p.y), width: px(Math.hypot(dx, dy)), transform: `rotate(${angle}deg)` }} />
        })}
        {points.map((p, i) => p && <View key={`d${i}`} className='kpi-chart__dot' style={{ left: px(p.x - 8), top: px(p.y - 8) }} />)}
      </View>
      <View className='kpi-chart__labels' style={{ width: px(W) }}>
        {months.map((m) => (
          <View key={m.month} className='kpi-chart__label' data-testid={`month-${m.month}`}>
            <Text>{monthLabel(m.month, thisYear)}</Text>
            <Text className='h-sub'>{`${m.collected}/${m.solved}`}</Text>
            <Text className='h-sub'>{pct(m.solveRate)}</Text>
          </View>
        ))}
      </View>
      <View className='h-sub'>
        <Text className='kpi-key kpi-key--in'>■</Text> 收集 <Text className='kpi-key kpi-key--done'>■</Text> 解决
      </View>
    </View>
  )
}

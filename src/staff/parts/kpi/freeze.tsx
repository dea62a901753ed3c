import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, FormError } from '@/components'
import { confirmFirst } from '@/lib/confirm'
import { useAction, useQuery } from '@/hooks/use-query'
import { shortDate } from '@/lib/time'

/** 报送版: a month that is over, frozen once by the admin (community) or the street admin (street); afterwards it says when. */
export function FreezeCard({ month, label }: { month: string; label: string }) {
  const report = useQuery(api.kpis.report, { month })
  const freeze = useAction(api.kpis.freeze)
  const go = async () => {
    if (!(await confirmFirst('定为报送版？', `${label}的数字将按现在的算法定下来，之后不再变化，报送就用这一版。`, '定版'))) return
    if (await freeze.run({ month })) await report.reload()
  }
  const r = report.data
  return (
    <View className='card' data-testid='kpi-freeze'>
      {r ? (
        <View data-testid='kpi-frozen'>{`${label}已定为报送版（${shortDate(r.frozenAt)}定版，收集 ${r.totals.collected} 件，解决 ${r.totals.solved} 件）`}</View>
      ) : (
        <BigButton type='default' loading={freeze.pending} onClick={() => void go()}>
          定为报送版
        </BigButton>
      )}
      <FormError error={freeze.error ?? report.error} />
    </View>
  )
}

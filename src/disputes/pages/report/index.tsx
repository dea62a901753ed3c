import Taro, { useRouter } from '@tarojs/taro'
import { Page } from '@/components'
import type { DisputeView } from '@core/disputes/contract'
import { ReportForm } from '../../parts/report-form'
import { ReferralForm } from '../../parts/referral-form'
import { CASE_PAGE } from '../../parts/case-card'
import '../../parts/disputes.scss'

/** 申请调解 (or, for staff, take over a 私事 order or a declined 议题), then straight to the case's own page. */
export default function ReportPage() {
  const { from, id } = useRouter().params
  const open = (d: DisputeView) => void Taro.redirectTo({ url: `${CASE_PAGE}?id=${d._id}` })
  return (
    <Page>
      {(from === 'order' || from === 'topic') && id ? <ReferralForm from={from} id={id} onTaken={open} /> : <ReportForm onReported={open} />}
    </Page>
  )
}

import { useRouter } from '@tarojs/taro'
import { api } from '@/api'
import { IdPage } from '@/components/id-page'
import { useAction, useQuery } from '@/hooks/use-query'
import type { DisputeView } from '@core/disputes/contract'
import { CaseFacts } from '../../parts/case-facts'
import { GuidanceForm } from '../../parts/guidance-form'
import { MediateForm, SessionForm } from '../../parts/mediate-form'
import { AgreeForm, AttachForm } from '../../parts/agree-form'
import { FollowUpForm } from '../../parts/follow-up-form'
import { AcceptStep, PerformanceStep, WithdrawStep } from '../../parts/quick-steps'
import '../../parts/disputes.scss'

/** One case: what the caller may see of it, and only the steps that are theirs now (the server says which). */
export default function CasePage() {
  const id = useRouter().params.id ?? ''
  const q = useQuery(api.disputes.dispute, { disputeId: id }, { enabled: !!id })
  return (
    <IdPage id={id} q={q} missing='NOT_FOUND' title='没有找到这件案子'>
      {(d) => (
        <>
          <CaseFacts d={d} />
          <Steps d={d} onDone={q.reload} />
        </>
      )}
    </IdPage>
  )
}

function Steps({ d, onDone }: { d: DisputeView; onDone: () => Promise<void> }) {
  const can = new Set(d.can)
  const disputeId = d._id
  const decline = useAction(api.disputes.decline)
  const fail = useAction(api.disputes.fail)
  const refer = useAction(api.disputes.refer)
  const after = async (r: unknown) => (r ? onDone() : undefined)
  return (
    <>
      {can.has('accept') && <AcceptStep disputeId={disputeId} onDone={onDone} />}
      {can.has('decline') && <GuidanceForm title='不受理' button='不受理' confirm='当事人会收到您写的建议，之后不能再改。' testId='decline-form' pending={decline.pending} error={decline.error} onSubmit={async (g) => after(await decline.run({ disputeId, ...g }))} />}
      {can.has('mediate') && <MediateForm disputeId={disputeId} again={d.status === 'breached'} onDone={onDone} />}
      {can.has('addSession') && <SessionForm disputeId={disputeId} onDone={onDone} />}
      {can.has('agree') && <AgreeForm disputeId={disputeId} onDone={onDone} />}
      {can.has('attachAgreement') && <AttachForm disputeId={disputeId} onDone={onDone} />}
      {can.has('fail') && <GuidanceForm title='调解未成' button='记录调解未成' confirm='当事人会收到您写的建议；之后回访结案。' testId='fail-form' pending={fail.pending} error={fail.error} onSubmit={async (g) => after(await fail.run({ disputeId, ...g }))} />}
      {can.has('performance') && <PerformanceStep disputeId={disputeId} onDone={onDone} />}
      {can.has('refer') && <GuidanceForm title='移交出去' button='移交' confirm='不再在社区调解，当事人会收到您写的建议。' testId='refer-form' pending={refer.pending} error={refer.error} onSubmit={async (g) => after(await refer.run({ disputeId, ...g }))} />}
      {can.has('followUp') && <FollowUpForm disputeId={disputeId} agreed={d.agreement !== null && d.status === 'fulfilled'} onDone={onDone} />}
      {can.has('withdraw') && <WithdrawStep disputeId={disputeId} onDone={onDone} />}
    </>
  )
}

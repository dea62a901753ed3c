import { useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { shortDate } from '@/lib/time'
import { PhotoPicker, type Photo } from '@/pages/order/parts/photos'
import type { ElectionView, EvaluationView } from '@core/council/contract'

const CHOICES = { support: '支持', oppose: '反对', abstain: '弃权' } as const
const OUTCOMES = { void: '票数不够，评议作废', kept: '委员会继续任职', reelect: '反对超过六成，委员会改选' } as const

/** The half-yearly evaluation: one anonymous ballot per household; the tally only after it closes. */
export function EvaluationCard({ e, onChanged }: { e: EvaluationView; onChanged: () => Promise<void> }) {
  const vote = useAction(api.council.vote)
  const cast = async (choice: keyof typeof CHOICES) => {
    if (!(await confirmFirst(`投「${CHOICES[choice]}」？`, '每户只能投一次，投了不能改。票不记名，谁也看不到您家投了什么。', CHOICES[choice]))) return
    if (await vote.run({ evaluationId: e._id, choice })) await onChanged()
  }
  return (
    <View className='card' data-testid='evaluation'>
      <Text className='h-title'>选题委员会半年评议</Text>
      {e.status === 'open' ? (
        <>
          <View className='h-sub'>{shortDate(e.closesAt)} 截止 · 要 {e.quorum} 户投票才有效</View>
          {e.voted ? (
            <View className='ok-text' data-testid='evaluation-voted'>您家已投票，结果在评议结束后公布</View>
          ) : (
            (Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((c) => (
              <BigButton key={c} type={c === 'support' ? 'success' : 'default'} loading={vote.pending} onClick={() => void cast(c)}>{CHOICES[c]}</BigButton>
            ))
          )}
        </>
      ) : (
        <View data-testid='evaluation-result'>
          支持 {e.tally?.support ?? 0} · 反对 {e.tally?.oppose ?? 0} · 弃权 {e.tally?.abstain ?? 0}：{e.outcome ? OUTCOMES[e.outcome] : ''}
        </View>
      )}
      <FormError error={vote.error} />
    </View>
  )
}

/** Staff: the paper ballots' totals with a photo of the tally sheet; a second staff member enters them again. */
export function PaperCard({ evaluationId }: { evaluationId: string }) {
  const paper = useAction(api.council.paperBallots)
  const [n, setN] = useState({ support: '', oppose: '', abstain: '' })
  const [photos, setPhotos] = useState<Photo[]>([])
  const [done, setDone] = useState('')
  return (
    <View className='card' data-testid='paper'>
      <Text className='h-title'>录入纸质票</Text>
      <View className='h-sub'>两位工作人员各录一次，两次一致才计入</View>
      {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((c) => (
        <Field key={c} label={`${CHOICES[c]}票`} path={c} error={paper.error}>
          <Input className='field-input order-text' type='number' data-testid={`paper-${c}`} value={n[c]} maxlength={5} onInput={(x) => setN({ ...n, [c]: x.detail.value })} />
        </Field>
      ))}
      <Field label='计票单照片' path='photo' error={paper.error}>
        <PhotoPicker value={photos} onChange={setPhotos} folder='council' max={1} testId='paper-photo' />
      </Field>
      <FormError error={paper.error} fields={['support', 'oppose', 'abstain', 'photo']} />
      {done && <View className='ok-text'>{done}</View>}
      <BigButton
        loading={paper.pending}
        onClick={async () => {
          const r = await paper.run({ evaluationId, support: Number(n.support), oppose: Number(n.oppose), abstain: Number(n.abstain), photo: photos[0]?.fileId ?? '' })
          if (r) setDone(r.confirmed ? '两次一致，纸质票已计入' : '已录入，请另一位工作人员再录一次')
        }}
      >
        录入
      </BigButton>
    </View>
  )
}

/** Re-election: choose 1 to 3 of the candidates; results after it closes. */
export function ElectionCard({ e, onChanged }: { e: ElectionView; onChanged: () => Promise<void> }) {
  const vote = useAction(api.council.electionVote)
  const [choices, setChoices] = useState<string[]>([])
  const names = (ids: string[]) => e.candidates.filter((c) => ids.includes(c.id)).map((c) => c.name).join('、')
  return (
    <View className='card' data-testid='election'>
      <Text className='h-title'>改选选题委员会</Text>
      {e.status === 'open' ? (
        e.voted ? (
          <View className='ok-text'>您家已投票</View>
        ) : (
          <>
            <View className='h-sub'>最多选 3 位，{shortDate(e.closesAt)} 截止</View>
            <ChipPicker testId='candidates' multiple options={e.candidates.map((c) => ({ value: c.id, label: c.name }))} value={choices} onChange={(v) => setChoices(v.slice(0, 3))} />
            <BigButton
              loading={vote.pending}
              onClick={async () => {
                if (!(await confirmFirst('投给这几位？', `${names(choices) || '还没选'}。每户只能投一次，投了不能改。`, '投票'))) return
                if (await vote.run({ electionId: e._id, choices })) await onChanged()
              }}
            >
              投票
            </BigButton>
          </>
        )
      ) : (
        <View data-testid='election-result'>
          {e.candidates.map((c) => `${c.name} ${e.votes?.[c.id] ?? 0} 票`).join(' · ')}
          <View>当选：{e.elected.join('、')}{e.status === 'tie' ? `；${e.tied.join('、')} 同票，下次议事会抽签定 ${e.seatsToDraw} 位` : ''}</View>
        </View>
      )}
      <FormError error={vote.error} fields={['choices']} />
    </View>
  )
}

/** Admin: after 改选, the nominated candidates, one name per line. */
export function OpenElectionCard({ onOpened }: { onOpened: () => Promise<void> }) {
  const open = useAction(api.council.openElection)
  const [names, setNames] = useState('')
  return (
    <View className='card' data-testid='open-election'>
      <Text className='h-title'>开始改选</Text>
      <Field label='被提名的候选人（每行一位）' path='candidates' error={open.error}>
        <Textarea className='field-input field-textarea order-text' data-testid='candidate-names' value={names} maxlength={400} onInput={(x) => setNames(x.detail.value)} />
      </Field>
      <FormError error={open.error} fields={['candidates']} />
      <BigButton
        loading={open.pending}
        onClick={async () => {
          const candidates = names.split('\n').map((n) => n.trim()).filter(Boolean).map((name) => ({ name }))
          if (await open.run({ candidates })) await onOpened()
        }}
      >
        开始改选投票
      </BigButton>
    </View>
  )
}

/** Admin at a session: the draw among those tied for the last seats, made by the system in front of everyone. */
export function DrawCard({ e, sessionId, onDrawn }: { e: ElectionView; sessionId: string; onDrawn: () => Promise<void> }) {
  const draw = useAction(api.council.drawTie)
  return (
    <View className='card' data-testid='draw'>
      <Text className='h-title'>改选抽签：{e.tied.join('、')} 同票，抽 {e.seatsToDraw} 位</Text>
      <View className='h-sub'>由系统随机抽出，结果当场公布并记下</View>
      <FormError error={draw.error} />
      <BigButton
        loading={draw.pending}
        onClick={async () => {
          if (!(await confirmFirst('现在抽签？', '请在议事会上当着大家的面点。抽出后新的选题委员会就组成了，不能重抽。', '抽签'))) return
          if (await draw.run({ electionId: e._id, sessionId })) await onDrawn()
        }}
      >
        当众抽签
      </BigButton>
    </View>
  )
}

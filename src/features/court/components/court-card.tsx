import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { CourtHandOff, CourtReferral } from '@/contract/court'
import { getCourtHandOff, issueLitigationLetter } from '../api/court-api'
import { downloadLetter, downloadPacket } from '../api/download-court-file'
import { CourtReferralForm } from './court-referral-form'
import './court.css'

const daysLine = (r: CourtReferral) => (r.courtDaysLeft > 0 ? `还有 ${r.courtDaysLeft} 天` : r.courtDaysLeft === 0 ? '今天到期' : `已过 ${-r.courtDaysLeft} 天`)
const errorText = (error: unknown, fallback: string) => (error instanceof Error && error.message ? error.message : fallback)

function ReferralBlock({ referral }: { referral: CourtReferral }) {
  return (
    <View className='court-card__referral'>
      <Text className='court-tag'>法院委托</Text>
      <Text className='court-card__line'>{referral.courtName}委托消协调解（诉前委托调解）</Text>
      <Text className='court-card__line'>案号：{referral.courtCaseNumber}</Text>
      <Text className={`court-card__deadline ${referral.courtDaysLeft < 0 ? 'court-card__deadline--late' : ''}`}>
        法院期限：{referral.courtDeadline}（{daysLine(referral)}）
      </Text>
      <Text className='muted court-card__note'>本案的调解期限以法院确定的期限为准。</Text>
    </View>
  )
}

/**
 * The court hand-off on a complaint page: the court's referral and deadline, the support-for-litigation
 * letter to download, and for staff the steps open now (register a referral, issue the letter, export
 * the 司法确认 materials). A consumer sees nothing until there is something of the court's.
 */
export function CourtCard({ complaintId, staff = false }: { complaintId: string; staff?: boolean }) {
  const [handOff, setHandOff] = useState<CourtHandOff | null>(null)
  const [loadProblem, setLoadProblem] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const [form, setForm] = useState(false)
  const [busy, setBusy] = useState<'' | 'letter' | 'issue' | 'packet'>('')
  const [status, setStatus] = useState<{ error: boolean; text: string }>({ error: false, text: '' })

  useEffect(() => {
    let live = true
    setLoadProblem(false)
    getCourtHandOff(complaintId).then(
      (answer) => live && setHandOff(answer),
      () => live && setLoadProblem(true),
    )
    return () => {
      live = false
    }
  }, [complaintId, attempt])

  if (loadProblem) {
    if (!staff) return null
    return (
      <View className='card court-card'>
        <Text className='section-title'>法院对接</Text>
        <View role='alert' className='court-card__error'>
          <Text>法院对接信息没有加载出来。</Text>
        </View>
        <Button className='btn btn-secondary' onClick={() => setAttempt((n) => n + 1)}>
          重试
        </Button>
      </View>
    )
  }
  if (!handOff) return staff ? <View className='card court-card muted'>正在加载法院对接信息…</View> : null
  const { referral, letter } = handOff
  if (!staff && !referral && !letter) return null

  const run = async (kind: 'letter' | 'issue' | 'packet', work: () => Promise<string>) => {
    setBusy(kind)
    setStatus({ error: false, text: '' })
    try {
      setStatus({ error: false, text: await work() })
    } catch (error) {
      setStatus({ error: true, text: errorText(error, '没有成功，请稍后重试') })
    } finally {
      setBusy('')
    }
  }

  const issue = async () => {
    const { confirm } = await Taro.showModal({
      title: '出具支持诉讼函',
      content: '请确认调解未成功、消费者决定向法院起诉。出具后消费者可以在投诉详情中下载，不能撤回。',
      confirmText: '确认出具',
      cancelText: '取消',
    })
    if (!confirm) return
    await run('issue', async () => {
      const answer = await issueLitigationLetter(complaintId)
      setHandOff(answer)
      return `已出具支持诉讼函 ${answer.letter?.number ?? ''}，已通知消费者`
    })
  }

  return (
    <View className='card court-card'>
      <Text className='section-title'>{staff ? '法院对接' : '法院与诉讼'}</Text>
      {referral && <ReferralBlock referral={referral} />}
      {letter && (
        <View className='court-card__letter'>
          <Text className='court-card__line court-card__strong'>支持诉讼函已出具</Text>
          <Text className='court-card__line'>函号：{letter.number}</Text>
          <Text className='court-card__line'>
            {dayjs(letter.issuedAt).format('YYYY年M月D日')} · {letter.organizationName}
            {staff ? ` · 经办人 ${letter.issuerName}` : ''}
          </Text>
          {!staff && <Text className='muted court-card__note'>消协支持您向法院起诉。起诉时可以把这份函连同证据一起交给法院。</Text>}
          <Button
            className={`btn ${staff ? 'btn-secondary' : 'btn-primary'}`}
            disabled={busy !== '' || undefined}
            loading={busy === 'letter' || undefined}
            onClick={() => void run('letter', async () => `已下载 ${await downloadLetter(complaintId, handOff.complaintNumber)}`)}
          >
            下载支持诉讼函
          </Button>
        </View>
      )}
      {staff && handOff.canIssueLetter && (
        <Button className='btn btn-primary' disabled={busy !== '' || undefined} loading={busy === 'issue' || undefined} onClick={() => void issue()}>
          出具支持诉讼函
        </Button>
      )}
      {staff && handOff.canExportPacket && (
        <View className='court-card__packet'>
          <Text className='muted court-card__note'>调解协议书已生效：导出封面、协议书、当事人信息和证据清单，供双方向法院申请司法确认（协议生效之日起三十日内）。</Text>
          <Button
            className='btn btn-secondary'
            disabled={busy !== '' || undefined}
            loading={busy === 'packet' || undefined}
            onClick={() => void run('packet', async () => `已导出 ${await downloadPacket(complaintId, handOff.complaintNumber)}`)}
          >
            导出司法确认材料
          </Button>
        </View>
      )}
      {staff && handOff.canRegisterReferral && !form && (
        <Button className='btn btn-secondary' onClick={() => setForm(true)}>
          登记法院委托
        </Button>
      )}
      {staff && form && (
        <CourtReferralForm
          complaintId={complaintId}
          onCancel={() => setForm(false)}
          onDone={(answer) => {
            setHandOff(answer)
            setForm(false)
            setStatus({ error: false, text: '已登记法院委托' })
          }}
        />
      )}
      {staff && !referral && !letter && !handOff.canIssueLetter && !handOff.canExportPacket && !handOff.canRegisterReferral && (
        <Text className='muted court-card__note'>调解未成功后可出具支持诉讼函；调解协议书生效后可导出司法确认材料。</Text>
      )}
      <View role={status.error ? 'alert' : 'status'} className={status.error ? 'court-card__error' : 'court-card__status'}>
        <Text>{status.text}</Text>
      </View>
    </View>
  )
}

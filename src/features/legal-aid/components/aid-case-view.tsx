import { useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '@/components/page-state'
import { COMPLAINT_STATUS_LABELS } from '@/contract/complaint-status'
import { LEGAL_AID_KIND_LABELS, OPINION_MAX, OPINION_MIN, type LegalAid, type LegalAidCase } from '@/contract/legal-aid'
import { errorMessage } from '@/lib/http'
import { aidCase, finishAid, writeOpinion } from '../api/legal-aid-api'
import { aidWhen } from './aid-when'
import { CasePhotos } from './case-photos'
import './legal-aid.css'

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`

/** The case record for the assigned lawyer: facts, progress, photos; then the opinion and finishing. */
export function AidCaseView({ aidId, onBack, onChanged }: { aidId: string; onBack: () => void; onChanged: (aid: LegalAid) => void }) {
  const [record, setRecord] = useState<LegalAidCase | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [formProblem, setFormProblem] = useState('')
  const load = () => {
    setProblem(null)
    aidCase(aidId).then(setRecord, (error: unknown) => setProblem(errorMessage(error)))
  }
  useEffect(load, [aidId])

  async function send() {
    const trimmed = text.trim()
    if ([...trimmed].length < OPINION_MIN) return setFormProblem(`法律意见至少写 ${OPINION_MIN} 个字`)
    const { confirm } = await Taro.showModal({ title: '提交法律意见', content: '提交后记入投诉进度，消费者和消协工作人员都能看到，不能修改。确定提交吗？', confirmText: '提交', cancelText: '再改改' })
    if (!confirm) return
    setBusy(true)
    setFormProblem('')
    try {
      onChanged(await writeOpinion(aidId, { text: trimmed }))
      setText('')
      void Taro.showToast({ title: '已记入投诉进度，已通知消费者', icon: 'none' })
      load()
    } catch (error) {
      setFormProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  async function finish() {
    const { confirm } = await Taro.showModal({ title: '结束这次援助', content: '结束后您不能再查阅本案材料，消费者会收到通知。确定结束吗？', confirmText: '结束', cancelText: '不结束' })
    if (!confirm) return
    try {
      onChanged(await finishAid(aidId))
      onBack()
    } catch (error) {
      setFormProblem(errorMessage(error))
    }
  }

  const back = <Button className='btn btn-plain' onClick={onBack}>返回法律援助列表</Button>
  if (problem) return <View className='aid'>{back}<View className='card'><PageState kind='error' title='打不开案件材料' description={problem} onRetry={load} /></View></View>
  if (!record) return <PageState kind='loading' />
  const { complaint, request } = record
  return (
    <View className='aid'>
      {back}
      <View className='card'>
        <View className='aid-head'>
          <Text className='aid-title'>{LEGAL_AID_KIND_LABELS[request.kind]}</Text>
          <Text className='aid-badge'>{COMPLAINT_STATUS_LABELS[complaint.status]}</Text>
        </View>
        <Text className='aid-line'>消费者的请求：{request.description}</Text>
        <Text className='aid-line muted'>
          {aidWhen(request.consentedAt)} 消费者已同意：{request.consentText}
        </Text>
      </View>
      <View className='card'>
        <Text className='aid-label'>投诉内容</Text>
        <Text className='aid-line'>被投诉方：{complaint.businessName}</Text>
        <Text className='aid-line'>投诉编号：{complaint.number}</Text>
        <Text className='aid-line'>发生日期：{complaint.incidentDate} · 涉及金额：{yuan(complaint.amountFen)}</Text>
        <Text className='aid-line'>诉求：{complaint.demands.join('、')}</Text>
        <Text className='aid-line'>{complaint.description}</Text>
      </View>
      <View className='card'>
        <Text className='aid-label'>证据照片</Text>
        <CasePhotos ids={record.photoIds} />
      </View>
      <View className='card'>
        <Text className='aid-label'>处理进度</Text>
        {record.timeline.map((event, index) => (
          <View key={index} className='aid-timeline__item'>
            <Text className='aid-line'>{event.label}</Text>
            {event.note && <Text className='aid-line muted'>{event.note}</Text>}
            <Text className='aid-line muted'>{aidWhen(event.createdAt)}</Text>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='aid-label'>写法律意见</Text>
        <Text className='aid-line muted'>纯文字，记入投诉进度“律师意见”，消费者和消协工作人员都能看到。</Text>
        <Textarea className='field-input aid-textarea' value={text} maxlength={OPINION_MAX} autoHeight aria-label='法律意见' placeholder='例如：依据消费者权益保护法第五十三条……' onInput={(e) => setText(e.detail.value)} />
        <Text className='aid-line muted'>
          {[...text].length} / {OPINION_MAX} 字
        </Text>
        {formProblem && <Text className='field-error'>{formProblem}</Text>}
        <View className='aid-actions'>
          <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void send()}>
            {busy ? '正在提交…' : '提交法律意见'}
          </Button>
          {request.opinionCount > 0 && (
            <Button className='btn btn-plain' onClick={() => void finish()}>
              结束这次援助
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}

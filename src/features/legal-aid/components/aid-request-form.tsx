import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AID_DESCRIPTION_MAX, AID_DESCRIPTION_MIN, LEGAL_AID_CONSENT_TEXT, LEGAL_AID_KIND_LABELS, LEGAL_AID_KINDS, type LegalAid, type LegalAidKind } from '@/contract/legal-aid'
import { errorMessage } from '@/lib/http'
import { requestAid } from '../api/legal-aid-api'
import './legal-aid.css'

const KIND_HINTS: Record<LegalAidKind, string> = {
  consultation: '律师帮您看看能主张什么、怎么主张。',
  mediation: '调解时律师帮您把握方案是否合理。',
  litigation: '准备起诉时律师帮您整理证据、写起诉材料。',
}

/** 申请法律援助: the kind, what help is needed (5–500 字), and the consent, ticked on purpose. */
export function AidRequestForm({ complaintId, onDone }: { complaintId: string; onDone: (aid: LegalAid) => void }) {
  const [kind, setKind] = useState<LegalAidKind | null>(null)
  const [description, setDescription] = useState('')
  const [consent, setConsent] = useState(false)
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)

  async function send() {
    if (busy) return
    const text = description.trim()
    if (!kind) return setProblem('请选择需要哪一种帮助')
    if ([...text].length < AID_DESCRIPTION_MIN) return setProblem(`请写清楚需要律师帮什么（至少 ${AID_DESCRIPTION_MIN} 个字）`)
    if (!consent) return setProblem('请先勾选同意，否则律师无法查阅本案材料')
    const { confirm } = await Taro.showModal({
      title: '提交法律援助申请',
      content: `申请${LEGAL_AID_KIND_LABELS[kind]}。消协指派律师后，律师可以查阅本案的投诉内容、处理进度和证据照片。确定提交吗？`,
      confirmText: '提交',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    setProblem('')
    try {
      onDone(await requestAid(complaintId, { kind, description: text, consent }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='aid'>
      <View className='card'>
        <Text className='aid-label'>需要哪一种帮助</Text>
        <View className='aid-kinds' role='radiogroup'>
          {LEGAL_AID_KINDS.map((k) => (
            <View key={k} className={`aid-choice ${kind === k ? 'aid-choice--on' : ''}`} aria-checked={kind === k} role='radio' onClick={() => setKind(k)}>
              {LEGAL_AID_KIND_LABELS[k]}
            </View>
          ))}
        </View>
        {kind && <Text className='aid-line muted'>{KIND_HINTS[kind]}</Text>}
      </View>
      <View className='card'>
        <Text className='aid-label'>需要律师帮什么</Text>
        <Textarea
          className='field-input aid-textarea'
          value={description}
          maxlength={AID_DESCRIPTION_MAX}
          autoHeight
          aria-label='需要律师帮什么'
          placeholder='例如：商家一直不退款，想起诉，请律师看看证据够不够'
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className='aid-line muted'>
          {[...description].length} / {AID_DESCRIPTION_MAX} 字
        </Text>
      </View>
      <View className='card aid-consent' role='checkbox' aria-checked={consent} aria-label='同意受指派律师查阅本案材料' onClick={() => setConsent(!consent)}>
        <Text className={`aid-consent__box ${consent ? 'aid-consent__box--on' : ''}`}>{consent ? '✓' : ''}</Text>
        <Text>{LEGAL_AID_CONSENT_TEXT}</Text>
      </View>
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void send()}>
        {busy ? '正在提交…' : '提交申请'}
      </Button>
    </View>
  )
}

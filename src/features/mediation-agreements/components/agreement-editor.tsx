import { useCallback, useEffect, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AgreementDraft, AgreementResponse } from '@/contract/mediation-agreement'
import { chinaToday, fenToYuan, yuanToFen } from '@/contract/complaint-rules'
import { DigitInput } from '@/components/digit-input'
import { PageState } from '@/components/page-state'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { draftAgreement, editAgreement, getAgreement } from '../api/agreement-api'
import { downloadAgreementPdf } from '../api/download-pdf'
import { AgreementSignatures } from './agreement-signatures'
import { pdfName, staffStateLine } from './agreement-state'
import './agreement.css'

interface Form {
  facts: string
  amountYuan: string
  remedy: string
  dueDate: string
  method: string
  otherTerms: string
}

const EMPTY: Form = { facts: '', amountYuan: '', remedy: '', dueDate: '', method: '原路退回', otherTerms: '' }

const fromDraft = (d: AgreementDraft): Form => ({
  facts: d.facts,
  amountYuan: d.terms.amountFen ? fenToYuan(d.terms.amountFen) : '',
  remedy: d.terms.remedy,
  dueDate: d.terms.dueDate,
  method: d.terms.method,
  otherTerms: d.otherTerms,
})

function toDraft(form: Form): AgreementDraft | string {
  if (form.facts.trim().length < 10) return '请写明争议事实（至少 10 个字）'
  const amountFen = form.amountYuan.trim() ? yuanToFen(form.amountYuan.trim()) : 0
  if (amountFen === null) return '金额请填写数字，最多两位小数'
  if (!form.dueDate) return '请选择履行期限'
  if (form.method.trim().length < 2) return '请写明履行方式，例如 原路退回'
  if (amountFen === 0 && !form.remedy.trim()) return '请填写金额或退换维修等内容'
  return { facts: form.facts.trim(), terms: { amountFen, remedy: form.remedy.trim(), dueDate: form.dueDate, method: form.method.trim() }, otherTerms: form.otherTerms.trim() }
}

/** The mediator drafts and revises the agreement; beside the form, the text exactly as the parties will read it. */
export function AgreementEditor({ complaintId }: { complaintId: string }) {
  const [answer, setAnswer] = useState<AgreementResponse | null>(null)
  const [form, setForm] = useState<Form>(EMPTY)
  const [failure, setFailure] = useState('')
  const [problem, setProblem] = useState('')
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    setFailure('')
    try {
      const loaded = await getAgreement(complaintId)
      setAnswer(loaded)
      if (loaded.agreement) setForm(fromDraft(loaded.agreement.draft))
    } catch (error) {
      setFailure(errorMessage(error))
    }
  }, [complaintId])
  useEffect(() => void load(), [load])

  if (failure) return <PageState kind='error' description={failure} onRetry={() => void load()} />
  if (!answer) return <PageState kind='loading' />
  const { agreement, canEdit, parties } = answer
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }))

  async function save() {
    if (saving) return
    const draft = toDraft(form)
    if (typeof draft === 'string') return setProblem(draft)
    const signed = agreement?.signatures.some((s) => s.version === agreement.version && !s.voidedAt)
    if (signed) {
      const { confirm } = await Taro.showModal({ title: '修改已签署的协议', content: '已有一方签署。保存修改后，原有签名作废，双方需要重新签署。确定保存吗？', confirmText: '保存修改', cancelText: '取消', confirmColor: '#b71c1c' })
      if (!confirm) return
    }
    setSaving(true)
    setProblem('')
    try {
      const saved = agreement ? await editAgreement(complaintId, agreement.version, draft) : await draftAgreement(complaintId, draft)
      setAnswer(saved)
      void Taro.showToast({ title: agreement ? '已保存新版本' : '已起草', icon: 'success' })
    } catch (error) {
      setProblem(errorMessage(error))
      if (error instanceof ApiRequestError && ['AGREEMENT_VERSION_CHANGED', 'AGREEMENT_EFFECTIVE', 'AGREEMENT_EXISTS'].includes(error.code)) await load()
    } finally {
      setSaving(false)
    }
  }

  const editable = canEdit && agreement?.status !== 'effective'
  return (
    <View className='page agreement-editor'>
      <View className='card agreement-editor__form'>
        <Text className='section-title'>{agreement ? `调解协议书（第 ${agreement.version} 版）` : '起草调解协议书'}</Text>
        <Text className='field-label'>{`申请人（消费者）：${parties.consumer}`}</Text>
        <Text className='field-label'>{`被申请人（经营者）：${parties.business}`}</Text>
        {editable ? (
          <View>
            <Text className='field-label'>争议事实</Text>
            <Textarea className='field-textarea' value={form.facts} maxlength={2000} aria-label='争议事实' placeholder='例如：申请人在被申请人处办理预付卡……' onInput={(e) => set('facts')(e.detail.value)} />
            <Text className='field-label'>商家支付金额（元，不涉及填 0 或留空）</Text>
            <DigitInput decimal className='field-input' value={form.amountYuan} aria-label='商家支付金额（元）' placeholder='例如 1999.00' onChange={set('amountYuan')} />
            <Text className='field-label'>退货、换货、维修等（可空）</Text>
            <Textarea className='field-textarea agreement-editor__small' value={form.remedy} maxlength={500} aria-label='退货、换货、维修等' placeholder='例如：为申请人办理退卡手续。' onInput={(e) => set('remedy')(e.detail.value)} />
            <Text className='field-label'>履行期限（在这一天前做到）</Text>
            <Picker mode='date' value={form.dueDate || chinaToday()} start={chinaToday()} onChange={(e) => set('dueDate')(e.detail.value)}>
              <View className='field-input' aria-label='履行期限'>
                {form.dueDate || '请选择日期'}
              </View>
            </Picker>
            <Text className='field-label'>履行方式</Text>
            <Input className='field-input' value={form.method} maxlength={200} aria-label='履行方式' onInput={(e) => set('method')(e.detail.value)} />
            <Text className='field-label'>其他约定（可空）</Text>
            <Textarea className='field-textarea agreement-editor__small' value={form.otherTerms} maxlength={1000} aria-label='其他约定' onInput={(e) => set('otherTerms')(e.detail.value)} />
            {problem && (
              <Text className='field-error'>
                {problem}
              </Text>
            )}
            <Button className='btn btn-primary' disabled={saving || undefined} loading={saving || undefined} onClick={() => void save()}>
              {agreement ? '保存为新版本' : '起草并请双方阅读'}
            </Button>
          </View>
        ) : (
          <Text className='muted'>{agreement?.status === 'effective' ? '协议已生效，不能再修改。' : '您没有调解权限，只能查看。'}</Text>
        )}
      </View>
      {agreement && (
        <View className='card agreement-editor__preview'>
          <Text className='agreement-state agreement-state--wait'>{staffStateLine(agreement)}</Text>
          <Text className='agreement-text'>{agreement.text}</Text>
          <Text className='agreement-hash'>{`协议指纹（SHA-256）：${agreement.textSha256}`}</Text>
          <AgreementSignatures agreement={agreement} />
          {agreement.status === 'effective' && (
            <Button className='btn btn-secondary' onClick={() => void downloadAgreementPdf(complaintId, pdfName(agreement)).catch((e: unknown) => setProblem(errorMessage(e)))}>
              下载协议书（PDF）
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

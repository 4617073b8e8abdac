import { useCallback, useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Agreement } from '@/contract/mediation-agreement'
import { signingState } from '@/contract/mediation-agreement'
import { DigitInput } from '@/components/digit-input'
import { PageState } from '@/components/page-state'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { getAgreement, requestSigningCode, signAgreement } from '../api/agreement-api'
import { downloadAgreementPdf } from '../api/download-pdf'
import { AgreementSignatures } from './agreement-signatures'
import { pdfName, stateLine } from './agreement-state'
import './agreement.css'

/** A party reads the whole agreement, gets a code on their own phone, types it and signs. */
export function AgreementSigning({ complaintId }: { complaintId: string }) {
  const [agreement, setAgreement] = useState<Agreement | null | undefined>(undefined)
  const [failure, setFailure] = useState('')
  const [sentTo, setSentTo] = useState('')
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setFailure('')
    try {
      setAgreement((await getAgreement(complaintId)).agreement)
    } catch (error) {
      setFailure(errorMessage(error))
    }
  }, [complaintId])
  useEffect(() => void load(), [load])

  if (failure) return <PageState kind='error' description={failure} onRetry={() => void load()} />
  if (agreement === undefined) return <PageState kind='loading' />
  if (agreement === null) return <PageState kind='empty' title='调解员还没有起草协议' description='起草后会通知您来阅读和签署' />

  const state = stateLine(agreement)
  const canSign = ['none', 'theirs'].includes(signingState(agreement))

  async function refused(error: unknown) {
    // The text changed under the reader: show the new one, never sign the old.
    if (error instanceof ApiRequestError && ['AGREEMENT_TEXT_CHANGED', 'AGREEMENT_ALREADY_SIGNED', 'AGREEMENT_EFFECTIVE'].includes(error.code)) {
      setSentTo('')
      setCode('')
      await load()
    }
    setProblem(errorMessage(error))
  }

  async function sendCode() {
    if (busy || !agreement) return
    setBusy(true)
    setProblem('')
    try {
      setSentTo((await requestSigningCode(complaintId, agreement.textSha256)).phone)
    } catch (error) {
      await refused(error)
    } finally {
      setBusy(false)
    }
  }

  async function sign() {
    if (busy || !agreement) return
    if (!/^\d{6}$/.test(code)) return setProblem('请输入短信里的 6 位验证码')
    const { confirm } = await Taro.showModal({ title: '确认签署', content: '签署后协议对您生效。确定已经读完并同意协议的全部内容吗？', confirmText: '签署', cancelText: '再看看', confirmColor: '#b71c1c' })
    if (!confirm) return
    setBusy(true)
    setProblem('')
    try {
      setAgreement((await signAgreement(complaintId, agreement.textSha256, code)).agreement)
      setSentTo('')
      setCode('')
      // The new state is the line at the top.
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      void Taro.showToast({ title: '已签署', icon: 'success' })
    } catch (error) {
      await refused(error)
    } finally {
      setBusy(false)
    }
  }

  async function download() {
    if (!agreement) return
    try {
      await downloadAgreementPdf(complaintId, pdfName(agreement))
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  return (
    <View className='page agreement-sign'>
      <View className='card'>
        <Text className={`agreement-state agreement-state--${state.tone}`}>
          {state.text}
        </Text>
        <Text className='agreement-text'>{agreement.text}</Text>
        <Text className='agreement-hash'>{`第 ${agreement.version} 版  协议指纹（SHA-256）：${agreement.textSha256}`}</Text>
      </View>
      <View className='card'>
        <AgreementSignatures agreement={agreement} />
        {canSign && !sentTo && (
          <Button className='btn btn-primary' disabled={busy || undefined} loading={busy || undefined} onClick={() => void sendCode()}>
            获取验证码
          </Button>
        )}
        {canSign && sentTo && (
          <View>
            <Text className='agreement-sign__sent'>{`验证码已发送到您的手机 ${sentTo}`}</Text>
            <Text className='field-label'>短信验证码</Text>
            <DigitInput className='field-input' value={code} maxlength={6} placeholder='6 位数字' aria-label='短信验证码' onChange={setCode} />
            <Button className='btn btn-primary' disabled={busy || undefined} loading={busy || undefined} onClick={() => void sign()}>
              签署协议
            </Button>
            <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => void sendCode()}>
              没收到？重新获取
            </Button>
          </View>
        )}
        {agreement.status === 'effective' && (
          <Button className='btn btn-primary' onClick={() => void download()}>
            下载协议书（PDF）
          </Button>
        )}
        {problem && (
          <Text className='field-error'>
            {problem}
          </Text>
        )}
      </View>
    </View>
  )
}

import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { AGREEMENT_STATUS_TEXT, SHA256_PATTERN, type AgreementVerification } from '@/contract/mediation-agreement'
import { PageState } from '@/components/page-state'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { verifyAgreement } from '../api/agreement-api'
import './agreement.css'

/** Anyone who scans the QR on a printed agreement: valid or void, and the parties' masked names. */
export function AgreementVerify({ hash }: { hash: string }) {
  const [result, setResult] = useState<AgreementVerification | 'unknown' | null>(null)
  const [failure, setFailure] = useState('')
  const wellFormed = new RegExp(SHA256_PATTERN).test(hash)
  useEffect(() => {
    if (!wellFormed) return
    verifyAgreement(hash).then(setResult, (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) setResult('unknown')
      else setFailure(errorMessage(error))
    })
  }, [hash, wellFormed])
  if (!wellFormed || result === 'unknown') {
    return <PageState kind='empty' title='没有找到这份协议' description='请核对二维码或网址是否完整。找不到的协议可能被改动过，请向出具协议的消费者协会核实。' />
  }
  if (failure) return <PageState kind='error' description={failure} onRetry={() => setFailure('')} />
  if (!result) return <PageState kind='loading' title='正在核验…' />
  return (
    <View className='page'>
      <View className='card'>
        <Text className='section-title'>调解协议书核验</Text>
        <Text className={`agreement-verify__status agreement-state--${result.status === 'valid' ? 'done' : 'todo'}`}>
          {AGREEMENT_STATUS_TEXT[result.status]}
        </Text>
        <Text className='agreement-signatures__item'>{`申请人（消费者）：${result.consumer}`}</Text>
        <Text className='agreement-signatures__item'>{`被申请人（经营者）：${result.business}`}</Text>
        <Text className='agreement-hash'>{`协议指纹（SHA-256）：${hash}`}</Text>
        <Text className='muted'>
          {result.status === 'valid' ? '这份协议由双方在线签署，与服务器上的记录一致。' : '这份协议签署后又被修改，原签名已作废，请以最新签署的版本为准。'}
        </Text>
      </View>
    </View>
  )
}

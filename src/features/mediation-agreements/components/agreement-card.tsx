import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AgreementResponse } from '@/contract/mediation-agreement'
import { getAgreement } from '../api/agreement-api'
import { staffStateLine, stateLine } from './agreement-state'
import './agreement.css'

/**
 * The agreement's entry on a complaint page: nothing until there is an agreement (or, for a mediator,
 * something to draft), then its state and one button.
 */
export function AgreementCard({ complaintId, staff = false }: { complaintId: string; staff?: boolean }) {
  const [answer, setAnswer] = useState<AgreementResponse | null>(null)
  useEffect(() => {
    let live = true
    getAgreement(complaintId).then(
      (a) => live && setAnswer(a),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [complaintId])
  if (!answer || (!answer.agreement && !answer.canEdit)) return null
  const { agreement } = answer
  const open = (page: 'draft' | 'sign') => void Taro.navigateTo({ url: `/packages/agreement/pages/${page}/index?id=${encodeURIComponent(complaintId)}` })
  if (staff) {
    return (
      <View className='card agreement-card'>
        <Text className='section-title'>调解协议书</Text>
        <Text className='agreement-card__state'>{agreement ? staffStateLine(agreement) : '还没有起草'}</Text>
        <Button className='btn btn-secondary' onClick={() => open('draft')}>
          {agreement ? '查看 / 修改协议' : '起草调解协议书'}
        </Button>
      </View>
    )
  }
  if (!agreement) return null
  const state = stateLine(agreement)
  return (
    <View className='card agreement-card'>
      <Text className='section-title'>调解协议书</Text>
      <Text className={`agreement-card__state agreement-state--${state.tone}`}>{state.text}</Text>
      <Button className='btn btn-primary' onClick={() => open('sign')}>
        {state.tone === 'todo' ? '阅读并签署' : '查看协议'}
      </Button>
    </View>
  )
}

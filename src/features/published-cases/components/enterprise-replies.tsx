import { useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { EnterpriseCase, EnterpriseCaseList } from '@/contract/published-case'
import { PUBLICATION_STATUS_LABELS, REPLY_MAX, REPLY_MIN, REPLY_STATUS_LABELS } from '@/contract/published-case-rules'
import { errorMessage } from '@/lib/http'
import { enterpriseCases, replyToCase } from '../api/published-cases'
import { chinaDay } from './when'
import './published-cases.css'

function CaseReply({ item, onReplied }: { item: EnterpriseCase; onReplied(list: EnterpriseCaseList): void }) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  async function send() {
    if ([...text.trim()].length < REPLY_MIN) return setProblem(`回复至少 ${REPLY_MIN} 个字`)
    const { confirm } = await Taro.showModal({ title: '提交回复', content: '每个案例只能回复一次，消协审核后公开显示在案例旁边。确定提交吗？', confirmText: '提交', cancelText: '再想想' })
    if (!confirm) return
    setBusy(true)
    setProblem(null)
    try {
      onReplied(await replyToCase(item.id, text.trim()))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card pc' aria-label={`${item.businessName} 的公示案例`}>
      <Text className='pc-badge'>{PUBLICATION_STATUS_LABELS[item.status]}</Text>
      {item.status === 'proposed' && <Text className='pc-meta'>回复期到 {chinaDay(item.replyWindowEndsAt)} 结束</Text>}
      <Text className='pc-line'>{item.summary}</Text>
      {item.reply ? (
        <View className='pc-reply' style={{ paddingLeft: Taro.pxTransform(16), marginTop: Taro.pxTransform(16) }}>
          <Text className='pc-reply__title'>贵企业的回复（{REPLY_STATUS_LABELS[item.reply.status]}）</Text>
          <Text className='pc-line'>{item.reply.text}</Text>
        </View>
      ) : (
        <>
          <Text className='pc-label' style={{ marginTop: Taro.pxTransform(16) }}>
            回复（只能回复一次，请勿写入消费者的个人信息）
          </Text>
          <Textarea className='field-input pc-textarea pc-textarea--small' value={text} maxlength={REPLY_MAX} autoHeight aria-label='回复内容' onInput={(e) => setText(e.detail.value)} />
          {problem && <Text className='field-error'>{problem}</Text>}
          <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void send()}>
            {busy ? '正在提交…' : '提交回复'}
          </Button>
        </>
      )}
    </View>
  )
}

/** 个案公示 in the enterprise's workspace: cases the association proposes or published about it, and its one reply to each. */
export function EnterpriseReplies() {
  const [list, setList] = useState<EnterpriseCaseList | null>(null)
  useEffect(() => {
    enterpriseCases().then(setList, () => setList(null))
  }, [])
  if (!list || list.items.length === 0) return null
  return (
    <View>
      <Text className='section-title'>个案公示：可以回复的案例</Text>
      {list.items.map((item) => (
        <CaseReply key={item.id} item={item} onReplied={setList} />
      ))}
    </View>
  )
}

import { useEffect, useState } from 'react'
import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffPublication } from '@/contract/published-case'
import { PUBLICATION_STATUS_LABELS, REPLY_STATUS_LABELS, REPLY_WINDOW_NOTE, SUMMARY_MAX } from '@/contract/published-case-rules'
import { errorMessage } from '@/lib/http'
import { getStaffPublication, moderateReply, proposePublication, publishCase } from '../api/published-cases'
import { CASE_PAGE, chinaDay } from './when'
import './published-cases.css'

const ask = async (title: string, content: string, confirmText: string) => (await Taro.showModal({ title, content, confirmText, cancelText: '取消' })).confirm

/**
 * 个案公示 on staff's case page: the consumer's consent, the summary drafted from the facts with
 * personal details masked (staff edit it; the server checks again), 提议公示 (the enterprise is told and
 * its reply window starts), 公示 after the window with the photos staff reviewed, and the reply's moderation.
 */
export function StaffPublicationPanel({ complaintId }: { complaintId: string }) {
  const [pub, setPub] = useState<StaffPublication | null>(null)
  const [summary, setSummary] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const show = (answer: StaffPublication) => {
    setPub(answer)
    setSummary(answer.summary ?? answer.draftSummary)
    setChosen(answer.publishedPhotoIds)
  }
  useEffect(() => {
    getStaffPublication(complaintId).then(show, () => setPub(null))
  }, [complaintId])

  async function run(action: () => Promise<StaffPublication>, message: string) {
    setBusy(true)
    setProblem(null)
    setDone(null)
    try {
      show(await action())
      setDone(message)
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  if (!pub || !pub.ended) return null
  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))
  return (
    <View className='card pc' aria-label='个案公示'>
      <Text className='section-title'>个案公示</Text>
      <Text className='pc-line'>
        {pub.consent.publish
          ? `消费者已单独同意公示${pub.consent.photos ? '（含照片）' : '（不含照片）'}${pub.consent.answeredAt ? `，${chinaDay(pub.consent.answeredAt)}` : ''}。`
          : '消费者没有同意公示本案（或已撤回同意），不能公示。'}
      </Text>
      {pub.status && <Text className='pc-badge'>{PUBLICATION_STATUS_LABELS[pub.status]}</Text>}
      {pub.replyWindowEndsAt && pub.status === 'proposed' && <Text className='pc-line'>商家回复期到 {chinaDay(pub.replyWindowEndsAt)} 结束，之后才能公示。</Text>}
      {pub.consent.publish && (
        <>
          <Text className='pc-label' style={{ marginTop: Taro.pxTransform(16) }}>
            匿名摘要（已自动隐去电话、证件号、卡号、地址和消费者姓名，提交时会再检查）
          </Text>
          <Textarea className='field-input pc-textarea' value={summary} maxlength={SUMMARY_MAX} autoHeight aria-label='匿名摘要' onInput={(e) => setSummary(e.detail.value)} />
          {pub.photos.length > 0 && pub.status === 'proposed' && (
            <>
              <Text className='pc-label'>逐张检查照片：点选可以公示的（有人脸、证件、单据号码的不要选）</Text>
              <View className='pc-photos'>
                {pub.photos.map((photo, index) => (
                  <View key={photo.evidenceId} role='checkbox' aria-checked={chosen.includes(photo.evidenceId)} aria-label={`照片 ${index + 1}`} onClick={() => toggle(photo.evidenceId)}>
                    <Image className={`pc-photo ${chosen.includes(photo.evidenceId) ? 'pc-photo--on' : ''}`} src={photo.url} mode='aspectFill' />
                  </View>
                ))}
              </View>
            </>
          )}
          <View className='pc-actions'>
            {pub.status !== 'published' && (
              <Button
                className={`btn ${pub.status === 'proposed' ? 'btn-secondary' : 'btn-primary'}`}
                disabled={busy || undefined}
                onClick={async () => {
                  if (pub.status !== 'proposed' && !(await ask('提议公示', '将通知商家本案拟公示，商家可在回复期内回复一次。确定提议吗？', '确定提议'))) return
                  await run(() => proposePublication(complaintId, { summary }), pub.status === 'proposed' ? '摘要已保存' : '已提议公示，已通知商家')
                }}
              >
                {pub.status === 'proposed' ? '保存摘要' : '提议公示并通知商家'}
              </Button>
            )}
            {(pub.status === 'proposed' || pub.status === 'published') && (
              <Button
                className='btn btn-primary'
                disabled={busy || undefined}
                onClick={async () => {
                  if (!(await ask('公示本案', '公示后任何人都能看到这段摘要和选中的照片。确定公示吗？', '公示'))) return
                  await run(() => publishCase(complaintId, { summary, photoIds: chosen }), '已公示')
                }}
              >
                {pub.status === 'published' ? '更新公示内容' : '公示'}
              </Button>
            )}
          </View>
          <Text className='pc-note'>{REPLY_WINDOW_NOTE}</Text>
        </>
      )}
      {pub.reply && (
        <View className='pc-reply' style={{ paddingLeft: Taro.pxTransform(16), marginTop: Taro.pxTransform(16) }}>
          <Text className='pc-reply__title'>商家回复（{REPLY_STATUS_LABELS[pub.reply.status]}）</Text>
          <Text className='pc-line'>{pub.reply.text}</Text>
          {pub.reply.status === 'pending' && (
            <View className='pc-actions'>
              <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void run(() => moderateReply(complaintId, { decision: 'approve' }), '回复已通过，会显示在案例旁')}>
                通过，显示回复
              </Button>
              <Button
                className='btn btn-secondary'
                disabled={busy || undefined}
                onClick={async () => {
                  if (!(await ask('不通过', '商家只能回复一次，不通过后不会显示。确定不通过吗？', '不通过'))) return
                  await run(() => moderateReply(complaintId, { decision: 'reject' }), '回复未通过')
                }}
              >
                不通过
              </Button>
            </View>
          )}
        </View>
      )}
      {problem && (
        <View role='alert'>
          <Text className='field-error'>{problem}</Text>
        </View>
      )}
      {done && <Text className='pc-ok'>{done}</Text>}
      {pub.status === 'published' && pub.id && (
        <Button className='btn btn-plain' onClick={() => void Taro.navigateTo({ url: `${CASE_PAGE}?id=${encodeURIComponent(pub.id!)}` })}>
          查看公示页面
        </Button>
      )}
    </View>
  )
}

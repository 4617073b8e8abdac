import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Question } from '@/contract/lawyer-qa'
import { formatWhen } from './when'

const WARNING_PAGE = '/packages/warnings/pages/detail/index'
const COMPLAINT_PAGE = '/packages/complaint/pages/detail/index'

/**
 * From answer to action. The asker: 一键投诉 while no complaint was filed from the question, then its
 * number and status. The answering lawyer and staff: 跟进问题的解决, the status and dates only.
 * Anyone: the related warning the lawyer picked.
 */
export function AnswerActions({ question, onFileComplaint }: { question: Question; onFileComplaint?: (question: Question) => void }) {
  const actions = question.answer?.actions ?? []
  const warning = actions.find((a) => a.kind === 'warning')
  const suggestsComplaint = actions.some((a) => a.kind === 'complaint')
  const followUp = question.followUp
  return (
    <View className='qa-actions'>
      {followUp ? (
        <View className='qa-follow-up' aria-label='投诉进度'>
          <Text className='qa-label'>{followUp.complaintNumber ? '您已投诉' : '跟进问题的解决：提问人已投诉'}</Text>
          {followUp.complaintNumber && <Text className='qa-line'>投诉编号 {followUp.complaintNumber}</Text>}
          <Text className='qa-line qa-follow-up__status'>当前状态：{followUp.statusLabel}</Text>
          <Text className='qa-line muted'>
            {formatWhen(followUp.filedAt)} 提交 · {followUp.closedAt ? `${formatWhen(followUp.closedAt)} 结束` : `${formatWhen(followUp.updatedAt)} 最近更新`}
          </Text>
          {followUp.complaintId && (
            <Button className='btn btn-secondary' onClick={() => void Taro.navigateTo({ url: `${COMPLAINT_PAGE}?id=${encodeURIComponent(followUp.complaintId!)}` })}>
              查看投诉进度
            </Button>
          )}
        </View>
      ) : (
        suggestsComplaint &&
        onFileComplaint && (
          <View className='qa-one-tap'>
            <Button className='btn btn-primary qa-one-tap__button' onClick={() => onFileComplaint(question)}>
              一键投诉
            </Button>
            <Text className='qa-line muted'>律师建议投诉。会带上商家、您的问题和照片，不用重新上传；提交前您还可以修改。</Text>
          </View>
        )
      )}
      {warning?.kind === 'warning' && (
        <View className='qa-more' role='link' onClick={() => void Taro.navigateTo({ url: `${WARNING_PAGE}?id=${encodeURIComponent(warning.warningId)}` })}>
          阅读相关警示：{warning.warningTitle} ›
        </View>
      )}
    </View>
  )
}

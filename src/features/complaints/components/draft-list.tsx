import './complaint-list.css'
import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { draftTitle, FILING_STEPS, type ComplaintDraft } from '../drafts/draft-types'
import { deleteDraft, listDrafts } from '../drafts/draft-storage'
import { continueDraft, DRAFT_DELETED_EVENT } from '../start'

/** Unfinished complaints saved on this phone, newest first, to continue or delete. */
export function DraftList({ ownerId }: { ownerId: string }) {
  const [drafts, setDrafts] = useState<ComplaintDraft[]>([])
  const reload = useCallback(() => listDrafts(ownerId).then(setDrafts, () => setDrafts([])), [ownerId])
  useDidShow(() => void reload())

  async function remove(draft: ComplaintDraft) {
    const { confirm } = await Taro.showModal({
      title: '删除草稿',
      content: `确定删除给「${draftTitle(draft)}」的投诉草稿吗？${draft.photos.length ? `其中的 ${draft.photos.length} 张照片也会删除。` : ''}删除后不能恢复。`,
      confirmText: '删除',
      cancelText: '不删',
      confirmColor: '#b71c1c',
    })
    if (!confirm) return
    await deleteDraft(draft)
    Taro.eventCenter.trigger(DRAFT_DELETED_EVENT, draft.id)
    await reload()
  }

  if (!drafts.length) return null
  return (
    <View className='drafts'>
      <Text className='section-title drafts__title'>没写完的投诉</Text>
      {drafts.map((draft) => (
        // The whole card opens the draft, as a complaint card does; its buttons keep their own jobs.
        <View key={draft.id} className='card draft-item' data-draft={draft.id} role='button' hoverClass='draft-item--pressed' onClick={() => void continueDraft(draft)}>
          <Text className='draft-item__badge'>草稿 · 未提交</Text>
          <Text className='draft-item__name'>{draftTitle(draft)}</Text>
          <Text className='muted'>
            已填到第 {draft.step} 步“{FILING_STEPS[draft.step - 1]?.title}” · {draft.photos.length} 张照片 · {dayjs(draft.updatedAt).format('M月D日 HH:mm')}保存
          </Text>
          <View className='draft-item__actions'>
            <Button
              className='btn btn-primary draft-item__continue'
              onClick={(e) => {
                e.stopPropagation()
                void continueDraft(draft)
              }}
            >
              继续填写
            </Button>
            <Button
              className='btn btn-plain draft-item__delete'
              onClick={(e) => {
                e.stopPropagation()
                void remove(draft)
              }}
            >
              删除
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}

import { useState, type ReactNode } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MAX_PHOTOS, MAX_PHOTOS_PER_COMPLAINT, MESSAGE_MAX, messageError } from '@/contract/complaint-rules'
import { isOpen } from '@/contract/complaint-status'
import { RATABLE_STATUSES } from '@/contract/complaint-workflow'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { choosePhotos, discardPhoto, type PhotoSource } from '@/lib/photo-files'
import { uuid } from '@/lib/uuid'
import { addMessage } from '../api/add-message'
import { withdrawComplaint } from '../api/withdraw-complaint'
import { StatusChip } from '../components/status-chip'
import { PhotoList, type PhotoTile } from '../filing/photo-list'
import { describeUploadFailure, uploadPhotoFile } from '../filing/upload-photo'
import { DeadlineLine } from '../handling/deadline-line'
import { ComplaintSections } from './complaint-sections'
import { nextStepLine } from './describe'
import { RuleBasis } from './rule-basis'
import { AcceptedProposal, ProposalPanel } from './proposal-panel'
import { RatingPanel } from './rating-panel'
import { ReferralPanel } from './referral-panel'
import { useComplaint } from './use-complaint'
import { PrivacyPopup } from '@/components/privacy-popup'
import { ViewersSection } from './viewers-section'

const RED = '#b71c1c'

interface ExtraPhoto extends PhotoTile {
  evidenceId: string | null
}

/**
 * One complaint: facts, photos, timeline, next step; while open, add a message or photos, or withdraw.
 * `aside` (e.g. the group complaint it is in) comes right after the head. `beforeSend` runs first, synchronously, in the 发送补充 tap (WeChat subscribe messages need a direct tap).
 */
export function DetailView({ complaintId, beforeSend, aside }: { complaintId?: string; beforeSend?: () => void; aside?: ReactNode }) {
  const { complaint, setComplaint, problem, load } = useComplaint(complaintId)
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<ExtraPhoto[]>([])
  const [sending, setSending] = useState(false)
  const [sendProblem, setSendProblem] = useState('')

  const patch = (id: string, change: Partial<ExtraPhoto>) => setPhotos((list) => list.map((p) => (p.id === id ? { ...p, ...change } : p)))

  function upload(photo: ExtraPhoto) {
    patch(photo.id, { error: null, rejected: false, progress: { stage: 'preparing', percent: 0, attempt: 1 } })
    uploadPhotoFile(photo.file, { original: photo.original }, (progress) => patch(photo.id, { progress }))
      .then((evidence) => patch(photo.id, { uploaded: true, evidenceId: evidence.id, progress: null }))
      .catch((error: unknown) => {
        const failure = describeUploadFailure(error)
        patch(photo.id, { error: failure.message, rejected: failure.rejected, progress: null })
      })
  }

  async function add(source: PhotoSource) {
    try {
      const room = Math.min(MAX_PHOTOS, MAX_PHOTOS_PER_COMPLAINT - (complaint?.evidence.length ?? 0)) - photos.length
      if (room <= 0) return void Taro.showToast({ title: '照片已达上限', icon: 'none' })
      const picked = await choosePhotos(source, room)
      const added: ExtraPhoto[] = picked.map((p) => ({ id: uuid(), file: p.file, bytes: p.bytes, original: false, uploaded: false, error: null, rejected: false, progress: null, evidenceId: null }))
      setPhotos((list) => [...list, ...added])
      added.forEach(upload)
    } catch (error) {
      void Taro.showModal({ title: '没能添加照片', content: error instanceof Error ? error.message : '请重试', showCancel: false, confirmText: '知道了' })
    }
  }

  async function remove(id: string) {
    const index = photos.findIndex((p) => p.id === id)
    const { confirm } = await Taro.showModal({ title: '删除照片', content: `确定删除照片 ${index + 1} 吗？`, confirmText: '删除', cancelText: '不删', confirmColor: RED })
    if (!confirm) return
    const photo = photos[index]
    setPhotos((list) => list.filter((p) => p.id !== id))
    if (photo) void discardPhoto(photo.file)
  }

  async function send() {
    if (!complaint || sending) return
    setSendProblem('')
    const invalid = messageError(text, photos.length)
    if (invalid) return setSendProblem(invalid)
    if (photos.some((p) => p.progress)) return setSendProblem('照片还在上传，请稍等')
    if (photos.some((p) => !p.uploaded)) return setSendProblem('有照片没有上传成功，请重试或删除')
    setSending(true)
    try {
      await addMessage(complaint.id, { text: text.trim(), evidenceIds: photos.map((p) => p.evidenceId).filter((id): id is string => !!id) })
      photos.forEach((p) => void discardPhoto(p.file))
      setText('')
      setPhotos([])
      void Taro.showToast({ title: '已补充', icon: 'success' })
      await load()
    } catch (error) {
      setSendProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  async function withdraw() {
    if (!complaint) return
    const { confirm } = await Taro.showModal({
      title: '撤回投诉',
      content: '撤回后这份投诉就结束了，不能再恢复。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '不撤回',
      confirmColor: RED,
    })
    if (!confirm) return
    try {
      await withdrawComplaint(complaint.id)
      void Taro.showToast({ title: '已撤回', icon: 'success' })
      await load()
    } catch (error) {
      void Taro.showModal({ title: '撤回没有成功', content: errorMessage(error), showCancel: false, confirmText: '知道了' })
    }
  }

  if (!complaint) {
    return (
      <View className='page'>
        {problem ? (
          <View className='card'>
            <PageState kind='error' description={problem} onRetry={() => void load()} />
          </View>
        ) : (
          <PageState kind='loading' />
        )}
      </View>
    )
  }

  const open = isOpen(complaint.status)
  const next = nextStepLine(complaint.nextStep)
  return (
    <View className='page detail'>
      <PrivacyPopup />
      <View className='card detail__head'>
        <View className='complaint-item__top'>
          <Text className='detail__business'>{complaint.business.name}</Text>
          <StatusChip status={complaint.status} />
        </View>
        <Text className='muted'>投诉编号 {complaint.number}</Text>
        {complaint.sourceQuestion && <Text className='detail__source'>来自律师答疑 {complaint.sourceQuestion.sessionTitle}</Text>}
        {next && <Text className='detail__next'>接下来：{next}</Text>}
        <DeadlineLine deadline={complaint.handling} />
        <RuleBasis complaint={complaint} />
      </View>
      {aside}

      {complaint.status === 'enterprise_proposed' && <ProposalPanel complaint={complaint} onChanged={setComplaint} reload={load} />}
      <AcceptedProposal complaint={complaint} />
      <ReferralPanel complaint={complaint} />
      {RATABLE_STATUSES.includes(complaint.status) && <RatingPanel complaint={complaint} onChanged={setComplaint} reload={load} />}

      <ComplaintSections complaint={complaint} viewer='consumer' />
      <ViewersSection viewers={complaint.viewers} />

      {open && (
        <View className='card'>
          <Text className='section-title'>补充说明或照片</Text>
          <Textarea
            className='field-textarea detail__message'
            value={text}
            maxlength={MESSAGE_MAX}
            placeholder='例如：商家今天又打电话说不退款'
            aria-label='补充说明'
            onInput={(e) => setText(e.detail.value)}
          />
          <PhotoList
            photos={photos}
            max={Math.max(0, Math.min(MAX_PHOTOS, MAX_PHOTOS_PER_COMPLAINT - complaint.evidence.length))}
            onAdd={(source) => void add(source)}
            onRemove={(id) => void remove(id)}
            onRetry={(id) => {
              const photo = photos.find((p) => p.id === id)
              if (photo) upload(photo)
            }}
            onOriginal={(id, original) => {
              const photo = photos.find((p) => p.id === id)
              if (!photo) return
              const next = { ...photo, original, uploaded: false, evidenceId: null }
              patch(id, next)
              upload(next)
            }}
          />
          {sendProblem && <Text className='field-error'>{sendProblem}</Text>}
          <Button
            className='btn btn-primary detail__send'
            disabled={sending || undefined}
            onClick={() => {
              beforeSend?.()
              void send()
            }}
          >
            {sending ? '正在发送…' : '发送补充'}
          </Button>
        </View>
      )}

      {open && (
        <Button className='btn btn-plain detail__withdraw' onClick={() => void withdraw()}>
          撤回投诉
        </Button>
      )}
    </View>
  )
}

import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROOM_MESSAGE_MAX, type RoomThread } from '@/contract/mediation'
import { errorMessage } from '@/lib/http'
import { choosePhotos, discardPhoto } from '@/lib/photo-files'
import { describeUploadFailure, uploadPhotoFile } from '@/lib/upload-photo'
import { useRoomStore } from '../stores/use-room-store'

/**
 * Writing in a thread: 常用语 fill the box with one tap, 发送 sends; 发照片 picks one photo, uploads
 * it with its progress shown, and sends it at once (one tap less for an elderly user).
 */
export function Composer({ thread, quickReplies, placeholder }: { thread: RoomThread; quickReplies: readonly string[]; placeholder: string }) {
  const send = useRoomStore((s) => s.send)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [photoStatus, setPhotoStatus] = useState('')
  const [problem, setProblem] = useState('')

  async function sendText() {
    if (busy) return
    if (text.trim() === '') return setProblem('请先写下要说的话，或点“发照片”')
    setBusy(true)
    setProblem('')
    try {
      await send(thread, text.trim())
      setText('')
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  async function sendPhoto() {
    if (busy) return
    setProblem('')
    let file: string | undefined
    try {
      file = (await choosePhotos('camera-or-album', 1))[0]?.file
    } catch (error) {
      return void Taro.showModal({ title: '没能选择照片', content: error instanceof Error ? error.message : '请重试', showCancel: false, confirmText: '知道了' })
    }
    if (!file) return
    setBusy(true)
    try {
      const evidence = await uploadPhotoFile(file, { original: false }, (p) =>
        setPhotoStatus(p.stage === 'preparing' ? '正在准备照片…' : p.stage === 'waiting' ? `网络不好，正在第 ${p.attempt} 次重试…` : `照片上传中 ${p.percent}%`),
      )
      setPhotoStatus('正在发送…')
      await send(thread, text.trim(), [evidence.id])
      setText('')
    } catch (error) {
      setProblem(describeUploadFailure(error).message)
    } finally {
      void discardPhoto(file)
      setPhotoStatus('')
      setBusy(false)
    }
  }

  return (
    <View className='composer'>
      <View className='composer__quick' role='group' aria-label='常用语，点一下填入'>
        {quickReplies.map((reply) => (
          <View key={reply} className='composer__chip' role='button' onClick={() => setText(reply)}>
            {reply}
          </View>
        ))}
      </View>
      <Textarea
        className='composer__box'
        value={text}
        maxlength={ROOM_MESSAGE_MAX}
        autoHeight
        placeholder={placeholder}
        aria-label='要说的话'
        onInput={(e) => setText(e.detail.value)}
      />
      {photoStatus && <Text className='composer__status'>{photoStatus}</Text>}
      {problem && <Text className='field-error'>{problem}</Text>}
      <View className='composer__buttons'>
        <Button className='btn btn-plain composer__photo' disabled={busy || undefined} onClick={() => void sendPhoto()}>
          发照片
        </Button>
        <Button className='btn btn-primary composer__send' disabled={busy || undefined} onClick={() => void sendText()}>
          {busy && !photoStatus ? '正在发送…' : '发送'}
        </Button>
      </View>
    </View>
  )
}

import { useEffect, useState } from 'react'
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FIELD_REPORT_CATEGORIES, FIELD_REPORT_CATEGORY_LABELS, FIELD_REPORT_MAX_PHOTOS, fieldReportContentError, type FieldReportCategory } from '@/contract/field-report-rules'
import { choosePhotos, photoSrc, type PhotoSource } from '@/lib/photo-files'
import { uuid } from '@/lib/uuid'
import { formatDateTime } from '../format'
import { locate } from '../location/locate'
import { accuracyText, LocateError, LOCATE_PROBLEM_TEXT, type LocationFix } from '../location/locate-problem'
import { queueReport } from '../outbox/queue-report'
import type { OutboxPhoto, OutboxReport } from '../outbox/outbox-types'
import './volunteer.css'
import { PrivacyPopup } from '@/components/privacy-popup'

type Locating = { state: 'locating' } | { state: 'fixed'; fix: LocationFix } | { state: 'failed'; problem: string }

interface Props {
  ownerId: string
  /** A queued report being edited. */
  existing?: OutboxReport
  onSaved(result: { offline: boolean }): void
}

function Thumb({ file }: { file: string }) {
  const [src, setSrc] = useState('')
  useEffect(() => {
    let live = true
    photoSrc(file).then((url) => live && setSrc(url), () => undefined)
    return () => {
      live = false
    }
  }, [file])
  return <Image className='report-photo__thumb' src={src} mode='aspectFill' nativeProps={{ alt: '现场照片' }} />
}

/** The field report: category, business, place (with accuracy, or a typed address), photos, notes. */
export function ReportForm({ ownerId, existing, onSaved }: Props) {
  const draft = existing?.draft
  const [category, setCategory] = useState<FieldReportCategory | ''>(draft?.category ?? '')
  const [businessName, setBusinessName] = useState(draft?.businessName ?? '')
  const [businessAddress, setBusinessAddress] = useState(draft?.businessAddress ?? '')
  const [region, setRegion] = useState(draft?.region ?? '')
  const [manualAddress, setManualAddress] = useState(draft?.manualAddress ?? '')
  const [notes, setNotes] = useState(draft?.notes ?? '')
  const [observedAt] = useState(draft?.observedAt ?? new Date().toISOString())
  const [photos, setPhotos] = useState<OutboxPhoto[]>(existing?.photos ?? [])
  const [locating, setLocating] = useState<Locating>(draft?.location ? { state: 'fixed', fix: draft.location } : { state: 'locating' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)

  async function relocate() {
    setLocating({ state: 'locating' })
    try {
      setLocating({ state: 'fixed', fix: await locate() })
    } catch (error) {
      setLocating({ state: 'failed', problem: error instanceof LocateError ? error.message : LOCATE_PROBLEM_TEXT.unavailable })
    }
  }

  useEffect(() => {
    if (!draft?.location) void relocate()
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const fix = locating.state === 'fixed' ? locating.fix : null

  async function addPhotos(source: PhotoSource) {
    try {
      const picked = await choosePhotos(source, FIELD_REPORT_MAX_PHOTOS - photos.length)
      const capturedAt = new Date().toISOString()
      setPhotos((list) => [...list, ...picked.map((p) => ({ id: uuid(), file: p.file, bytes: p.bytes, capturedAt, fix }))].slice(0, FIELD_REPORT_MAX_PHOTOS))
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '无法添加照片', icon: 'none' })
    }
  }

  async function removePhoto(id: string) {
    const { confirm } = await Taro.showModal({ title: '删除照片', content: '确定删除这张照片吗？', confirmText: '删除', cancelText: '取消', confirmColor: '#b71c1c' })
    if (confirm) setPhotos((list) => list.filter((p) => p.id !== id))
  }

  function validate(): Record<string, string> {
    const found: Record<string, string> = {}
    if (!category) found.category = '请选择问题类别'
    if (!businessName.trim()) found.businessName = '请填写商家名称'
    if (!fix && !manualAddress.trim()) found.manualAddress = '没有定位，请填写发现问题的地点'
    const content = fieldReportContentError(photos.length, notes)
    if (content) found.content = content
    return found
  }

  async function submit() {
    const found = validate()
    setErrors(found)
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '还有内容没填好', icon: 'none' })
      return
    }
    setSaving(true)
    try {
      const result = await queueReport({
        ownerId,
        clientId: existing?.clientId ?? uuid(),
        draft: { category, businessName, businessAddress, region, location: fix, manualAddress, observedAt, notes },
        photos,
        now: new Date().toISOString(),
      })
      onSaved(result)
    } catch (error) {
      void Taro.showModal({ title: '保存失败', content: error instanceof Error ? error.message : '请重试', showCancel: false })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='report-form'>
      <PrivacyPopup />
      <View className='card'>
        <Text className='field-label'>问题类别</Text>
        <View className='report-chips' role='radiogroup' aria-label='问题类别'>
          {FIELD_REPORT_CATEGORIES.map((value) => (
            <View key={value} className={`report-chip ${category === value ? 'report-chip--on' : ''}`} role='radio' aria-checked={category === value} onClick={() => setCategory(value)}>
              <Text>{FIELD_REPORT_CATEGORY_LABELS[value]}</Text>
            </View>
          ))}
        </View>
        {errors.category && <Text className='field-error'>{errors.category}</Text>}
      </View>

      <View className='card'>
        <View className='field'>
          <Text className='field-label'>商家名称</Text>
          <Input className='field-input' aria-label='商家名称' value={businessName} maxlength={100} placeholder='如：幸福超市' onInput={(e) => setBusinessName(e.detail.value)} />
          {errors.businessName && <Text className='field-error'>{errors.businessName}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>
            商家地址<Text className='field-optional'>（选填）</Text>
          </Text>
          <Input className='field-input' aria-label='商家地址' value={businessAddress} maxlength={200} placeholder='街道、门牌号' onInput={(e) => setBusinessAddress(e.detail.value)} />
        </View>
        <View className='field'>
          <Text className='field-label'>
            所在地区<Text className='field-optional'>（选填）</Text>
          </Text>
          <Input className='field-input' aria-label='所在地区' value={region} maxlength={60} placeholder='如：内蒙古/锡林郭勒盟/正蓝旗' onInput={(e) => setRegion(e.detail.value)} />
        </View>
      </View>

      <View className='card report-location'>
        <Text className='field-label'>发现地点</Text>
        {locating.state === 'locating' && <Text className='report-location__line'>正在定位…</Text>}
        {fix && (
          <>
            <Text className='report-location__line report-location__line--ok'>✓ 已定位</Text>
            <Text className='report-location__accuracy'>{accuracyText(fix)}</Text>
          </>
        )}
        {locating.state === 'failed' && (
          <>
            <Text className='report-location__line report-location__line--bad'>{locating.problem}</Text>
            <View className='field'>
              <Text className='field-label'>手动填写地址</Text>
              <Input className='field-input' aria-label='手动填写地址' value={manualAddress} maxlength={200} placeholder='如：正蓝旗上都镇农贸市场东门' onInput={(e) => setManualAddress(e.detail.value)} />
              {errors.manualAddress && <Text className='field-error'>{errors.manualAddress}</Text>}
            </View>
          </>
        )}
        {locating.state !== 'locating' && (
          <Button className='btn btn-secondary report-location__retry' onClick={() => void relocate()}>
            重新定位
          </Button>
        )}
        <Text className='muted'>发现时间：{formatDateTime(observedAt)}</Text>
      </View>

      <View className='card'>
        <Text className='field-label'>现场照片</Text>
        <View className='report-photos'>
          {photos.map((photo, index) => (
            <View key={photo.id} className='report-photo' data-photo-index={index}>
              <Thumb file={photo.file} />
              <Text className='muted'>照片 {index + 1}</Text>
              <Button className='btn btn-plain report-photo__remove' onClick={() => void removePhoto(photo.id)}>
                删除
              </Button>
            </View>
          ))}
        </View>
        {photos.length < FIELD_REPORT_MAX_PHOTOS ? (
          process.env.TARO_ENV === 'h5' ? (
            <View className='report-photo-buttons'>
              <Button className='btn btn-secondary' onClick={() => void addPhotos('camera')}>
                拍照
              </Button>
              <Button className='btn btn-secondary' onClick={() => void addPhotos('album')}>
                从相册选
              </Button>
            </View>
          ) : (
            <Button className='btn btn-secondary' onClick={() => void addPhotos('camera-or-album')}>
              拍照或从相册选
            </Button>
          )
        ) : (
          <Text className='muted'>已达到 {FIELD_REPORT_MAX_PHOTOS} 张的上限</Text>
        )}
        <Text className='muted'>
          已添加 {photos.length} 张，最多 {FIELD_REPORT_MAX_PHOTOS} 张
        </Text>
      </View>

      <View className='card'>
        <Text className='field-label'>
          说明<Text className='field-optional'>（没有照片时必填）</Text>
        </Text>
        <Textarea className='report-notes' aria-label='说明' value={notes} maxlength={2000} placeholder='看到了什么问题？如：鸡蛋没有标价，收银时按 8 元一斤收' onInput={(e) => setNotes(e.detail.value)} />
        {errors.content && <Text className='field-error'>{errors.content}</Text>}
      </View>

      <Button className='btn btn-primary' loading={saving || undefined} disabled={saving || undefined} onClick={() => void submit()}>
        {existing ? '保存修改' : '提交报告'}
      </Button>
      <Text className='muted report-form__hint'>没有网络也能提交，联网后自动上传</Text>
    </View>
  )
}

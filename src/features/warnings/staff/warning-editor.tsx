import { useEffect, useMemo, useState } from 'react'
import { Button, Input, Picker, RichText, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { INDUSTRIES, INDUSTRY_LABELS } from '@/contract/complaint-rules'
import { WARNING_KINDS, WARNING_KIND_LABELS } from '@/contract/warning-kinds'
import { PageState } from '@/components/page-state'
import { absoluteUrl } from '@/lib/api-base'
import { errorMessage } from '@/lib/http'
import { choosePhotos } from '@/lib/photo-files'
import {
  archiveWarning,
  createWarning,
  getStaffWarning,
  publishWarning,
  unpublishWarning,
  updateWarning,
  type WarningFields,
} from '../api/staff-warnings'
import { uploadWarningImage } from '../api/upload-warning-image'
import type { StaffWarning } from '../api/warning-types'
import { styledBodyHtml } from '../components/body-html'
import { warningDetailPath } from '../share/warning-link'
import { AlertProgress } from './alert-progress'
import { publicationText, scheduledIso } from './publication'
import { useLivePreview } from './use-live-preview'
import '../components/warnings.css'
import './staff-warnings.css'
import { PrivacyPopup } from '@/components/privacy-popup'

const BLANK: WarningFields = {
  kind: 'warning',
  title: '',
  summary: '',
  bodyHtml: '',
  industry: 'prepaid',
  regions: [],
  urgent: false,
  coverImageId: null,
  issuer: '消费者协会',
}

function fieldsOf(w: StaffWarning): WarningFields {
  const { kind, title, summary, bodyHtml, industry, regions, urgent, coverImageId, issuer } = w
  return { kind, title, summary, bodyHtml, industry, regions, urgent, coverImageId, issuer }
}

const splitRegions = (text: string) => [...new Set(text.split(/[、,，\s]+/).map((r) => r.trim()).filter(Boolean))]

async function confirm(title: string, content: string): Promise<boolean> {
  return (await Taro.showModal({ title, content, confirmText: '确定', cancelText: '取消' })).confirm
}

const ALERT_PROGRESS_REFRESH_MS = 3000

/** Create or edit a warning: form, picture uploads, live preview, and the publishing actions. */
export function WarningEditor({ warningId }: { warningId?: string }) {
  const [id, setId] = useState(warningId)
  const [saved, setSaved] = useState<StaffWarning | null>(null)
  const [fields, setFields] = useState<WarningFields>(BLANK)
  const [regionsText, setRegionsText] = useState('')
  const [coverUrl, setCoverUrl] = useState<string | null>(null)
  const [loading, setLoading] = useState(!!warningId)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [upload, setUpload] = useState<{ what: string; percent: number } | null>(null)
  const [date, setDate] = useState(dayjs().add(1, 'day').format('YYYY-MM-DD'))
  const [time, setTime] = useState('09:00')
  const preview = useLivePreview(fields.bodyHtml)
  const previewNodes = useMemo(() => styledBodyHtml(preview.html), [preview.html])

  useEffect(() => {
    if (!warningId) return
    getStaffWarning(warningId).then(
      (w) => {
        setSaved(w)
        setFields(fieldsOf(w))
        setRegionsText(w.regions.join('、'))
        setCoverUrl(w.coverUrl)
        setLoading(false)
      },
      (error: unknown) => {
        setProblem(errorMessage(error))
        setLoading(false)
      },
    )
  }, [warningId])

  const set = <K extends keyof WarningFields>(key: K, value: WarningFields[K]) => setFields((f) => ({ ...f, [key]: value }))

  async function save(): Promise<StaffWarning | null> {
    const next = { ...fields, regions: splitRegions(regionsText) }
    try {
      const answer = id ? await updateWarning(id, next) : await createWarning(next)
      setId(answer.warning.id)
      setSaved(answer.warning)
      return answer.warning
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
      return null
    }
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true)
    try {
      await action()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  async function saveDraft() {
    setBusy(true)
    const warning = await save()
    setBusy(false)
    if (warning) void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  async function publish(at?: string) {
    const when = at ? `将于 ${dayjs(at).format('M月D日 HH:mm')} 自动发布` : '发布后所有人都能看到'
    if (!(await confirm(at ? '定时发布' : '立即发布', `${when}，确定吗？`))) return
    setBusy(true)
    const warning = await save()
    if (!warning) return setBusy(false)
    try {
      await publishWarning(warning.id, at)
      setSaved(await getStaffWarning(warning.id))
      void Taro.showToast({ title: at ? '已定时' : '已发布', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  async function unpublish() {
    if (!saved || !(await confirm('撤回为草稿', '撤回后公众将看不到这条警示，确定吗？'))) return
    await run(async () => {
      await unpublishWarning(saved.id)
      setSaved(await getStaffWarning(saved.id))
    }, '已撤回')
  }

  async function archive() {
    if (!saved || !(await confirm('归档', '归档后公众将看不到这条警示，也不能再发布，确定吗？'))) return
    await run(async () => {
      await archiveWarning(saved.id)
      setSaved(await getStaffWarning(saved.id))
    }, '已归档')
  }

  async function uploadImage(what: 'cover' | 'body') {
    const [picked] = await choosePhotos('album', 1)
    if (!picked) return
    setUpload({ what: what === 'cover' ? '封面' : '正文图片', percent: 0 })
    try {
      const image = await uploadWarningImage(picked.file, (percent) => setUpload({ what: what === 'cover' ? '封面' : '正文图片', percent }))
      if (what === 'cover') {
        set('coverImageId', image.id)
        setCoverUrl(image.url)
      } else {
        setFields((f) => ({ ...f, bodyHtml: `${f.bodyHtml}\n<p><img src="${image.url}" alt="图片"></p>` }))
      }
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setUpload(null)
    }
  }

  // While the readers are being told, follow the count (a few seconds apart; stops when done).
  const alerting = saved?.alertProgress ? !saved.alertProgress.finished : false
  useEffect(() => {
    if (!alerting || !saved) return
    const timer = setTimeout(() => {
      getStaffWarning(saved.id).then(setSaved, () => undefined)
    }, ALERT_PROGRESS_REFRESH_MS)
    return () => clearTimeout(timer)
  }, [alerting, saved])

  if (loading) return <PageState kind='loading' />
  if (problem) return <PageState kind='error' description={problem} onRetry={() => void Taro.redirectTo({ url: `/packages/staff-warnings/pages/editor/index?id=${warningId}` })} />

  const status = saved?.status ?? 'draft'
  return (
    <View className='warning-editor'>
      <PrivacyPopup />
      <View className='card'>
        <Text className='staff-editor__status'>状态：{saved ? publicationText(saved) : '新草稿（未保存）'}</Text>
        {saved?.alertProgress && <AlertProgress progress={saved.alertProgress} />}
        {saved?.status === 'published' && (
          <Text className='staff-editor__link' onClick={() => void Taro.navigateTo({ url: warningDetailPath(saved.id) })}>
            查看公众页面 ›
          </Text>
        )}
      </View>

      <View className='card'>
        <Text className='field-label'>类型</Text>
        <View className='warning-tabs' role='radiogroup' aria-label='类型'>
          {WARNING_KINDS.map((kind) => (
            <View key={kind} className={`warning-tab ${fields.kind === kind ? 'warning-tab--on' : ''}`} role='radio' aria-checked={fields.kind === kind} onClick={() => set('kind', kind)}>
              <Text>{WARNING_KIND_LABELS[kind]}</Text>
            </View>
          ))}
        </View>

        <View className='field'>
          <Text className='field-label'>标题</Text>
          <Input className='field-input' aria-label='标题' value={fields.title} maxlength={60} placeholder='4–60 个字' onInput={(e) => set('title', e.detail.value)} />
        </View>
        <View className='field'>
          <Text className='field-label'>摘要</Text>
          <Textarea className='field-input staff-editor__summary' aria-label='摘要' value={fields.summary} maxlength={200} placeholder='10–200 个字，显示在列表里' onInput={(e) => set('summary', e.detail.value)} />
        </View>
        <View className='field'>
          <Text className='field-label'>行业</Text>
          <Picker mode='selector' range={INDUSTRIES.map((i) => INDUSTRY_LABELS[i])} value={INDUSTRIES.indexOf(fields.industry)} onChange={(e) => set('industry', INDUSTRIES[Number(e.detail.value)]!)}>
            <View className='warning-toolbar__item' role='button'>
              <Text>{INDUSTRY_LABELS[fields.industry]} ▾</Text>
            </View>
          </Picker>
        </View>
        <View className='field'>
          <Text className='field-label'>适用地区</Text>
          <Input className='field-input' aria-label='适用地区' value={regionsText} placeholder='留空表示全国；多个用“、”分隔' onInput={(e) => setRegionsText(e.detail.value)} />
        </View>
        <View className='field'>
          <Text className='field-label'>发布机构</Text>
          <Input className='field-input' aria-label='发布机构' value={fields.issuer} maxlength={60} onInput={(e) => set('issuer', e.detail.value)} />
        </View>
        <View className='field staff-editor__urgent'>
          <Text className='field-label'>紧急（置顶并显示在首页）</Text>
          <Switch checked={fields.urgent} color='#b71c1c' aria-label='紧急' onChange={(e) => set('urgent', e.detail.value)} />
        </View>
        <View className='field'>
          <Text className='field-label'>封面图片</Text>
          {coverUrl && <RichText nodes={`<img src="${absoluteUrl(coverUrl)}" style="max-width:100%;border-radius:6px" alt="封面">`} />}
          <Button className='btn btn-plain' disabled={!!upload || undefined} onClick={() => void uploadImage('cover')}>
            {coverUrl ? '更换封面' : '上传封面'}
          </Button>
        </View>
      </View>

      <View className='card'>
        <Text className='field-label'>正文（可用 p、h3、ul、li、strong、table、img 等标签）</Text>
        <Textarea className='field-input staff-editor__body' aria-label='正文' value={fields.bodyHtml} maxlength={100000} placeholder='<p>正文……</p>' onInput={(e) => set('bodyHtml', e.detail.value)} />
        <Button className='btn btn-plain staff-editor__insert' disabled={!!upload || undefined} onClick={() => void uploadImage('body')}>
          插入图片
        </Button>
        {upload && (
          <View className='upload-progress' role='progressbar' aria-label={`正在上传${upload.what}`} aria-valuenow={upload.percent}>
            <Text>
              正在上传{upload.what}：{upload.percent}%
            </Text>
            <View className='upload-progress__bar'>
              <View className='upload-progress__done' style={{ width: `${upload.percent}%` }} />
            </View>
          </View>
        )}
      </View>

      <Text className='section-title'>预览（公众看到的样子）</Text>
      <View className='card staff-editor__preview'>
        <View className='warning-detail__title' role='heading' aria-level={2}>
          {fields.title || '（标题）'}
        </View>
        {preview.failed && <Text className='field-error'>预览暂时不可用，请检查网络</Text>}
        {previewNodes ? <RichText className='warning-body' nodes={previewNodes} /> : <Text className='muted'>正文写好后会在这里显示</Text>}
      </View>

      <View className='card staff-editor__actions'>
        <Button className='btn btn-secondary' disabled={busy || undefined} onClick={() => void saveDraft()}>
          {status === 'draft' ? '保存草稿' : '保存修改'}
        </Button>
        {status !== 'archived' && (
          <>
            <Button className='btn btn-primary' disabled={busy || undefined} onClick={() => void publish()}>
              立即发布
            </Button>
            <Text className='field-label'>定时发布</Text>
            <View className='row'>
              <Picker mode='date' value={date} start={dayjs().format('YYYY-MM-DD')} onChange={(e) => setDate(e.detail.value)}>
                <View className='warning-toolbar__item' role='button'>
                  <Text>{date}</Text>
                </View>
              </Picker>
              <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}>
                <View className='warning-toolbar__item' role='button'>
                  <Text>{time}</Text>
                </View>
              </Picker>
            </View>
            <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => void publish(scheduledIso(date, time))}>
              定时发布
            </Button>
          </>
        )}
        {status === 'published' && (
          <Button className='btn btn-plain' disabled={busy || undefined} onClick={() => void unpublish()}>
            撤回为草稿
          </Button>
        )}
        {saved && status !== 'archived' && (
          <Button className='btn btn-plain staff-editor__archive' disabled={busy || undefined} onClick={() => void archive()}>
            归档
          </Button>
        )}
      </View>
    </View>
  )
}

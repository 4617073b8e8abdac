import './data-export.css'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { DATA_EXPORT_DAYS, type DataExport } from '@/contract/data-export'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { getLatestDataExport, requestDataExport } from '../api/data-export'
import { describeExport, isInProgress } from '../export-status'
import { saveExport } from '../save-export'

/** How often the page asks how far the job got, while it is waiting or packing. */
const POLL_MS = 3000

const CONTENTS = [
  '您的全部投诉：填写的内容和处理进度（时间线）',
  '补充说明、商家和消协的留言',
  '您上传的照片原件（与上传时完全相同）',
  '收到的消息和通知设置',
]

/** 我的 › 导出我的数据: ask for a copy, watch it being packed, download it within 7 days. */
export function DataExportView() {
  const [current, setCurrent] = useState<DataExport | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [problem, setProblem] = useState('')
  const [asking, setAsking] = useState(false)
  const [notice, setNotice] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const visible = useRef(true)

  const stopPolling = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }

  const load = useCallback(async (quiet = false) => {
    stopPolling()
    if (!quiet) setPhase('loading')
    try {
      const latest = await getLatestDataExport()
      setCurrent(latest)
      setPhase('ready')
      if (isInProgress(latest) && visible.current) timer.current = setTimeout(() => void load(true), POLL_MS)
    } catch (error) {
      setProblem(errorMessage(error))
      // A failed poll keeps what is shown and tries again; a failed first load shows the error.
      if (quiet && visible.current) timer.current = setTimeout(() => void load(true), POLL_MS * 2)
      else setPhase('error')
    }
  }, [])

  useEffect(() => stopPolling, [])
  useDidShow(() => {
    visible.current = true
    void load(current !== null)
  })
  useDidHide(() => {
    visible.current = false
    stopPolling()
  })

  async function ask() {
    if (asking) return
    setAsking(true)
    setNotice('')
    try {
      const queued = await requestDataExport()
      setCurrent(queued)
      if (isInProgress(queued)) {
        stopPolling()
        timer.current = setTimeout(() => void load(true), POLL_MS)
      }
    } catch (error) {
      void Taro.showModal({ title: '申请没有成功', content: errorMessage(error), showCancel: false })
    } finally {
      setAsking(false)
    }
  }

  async function download() {
    if (!current?.downloadUrl) return
    try {
      const outcome = await saveExport(current.downloadUrl)
      setNotice(
        outcome === 'copied'
          ? '下载链接已复制。小程序里不能保存压缩包，请在 15 分钟内粘贴到手机或电脑的浏览器里打开下载。'
          : '已开始下载 weiquan-my-data.zip。没有开始时，请刷新本页再点一次。',
      )
    } catch {
      setNotice('没能开始下载，请刷新本页再试')
    }
  }

  if (phase === 'loading') return <PageState kind='loading' />
  if (phase === 'error') return <PageState kind='error' description={problem} onRetry={() => void load()} />

  const status = current ? describeExport(current) : null
  const inProgress = isInProgress(current)
  return (
    <View className='data-export'>
      <View className='card data-export__status' aria-live='polite'>
        {status && current ? (
          <>
            <View className={`data-export__badge data-export__badge--${current.status}`}>
              <Text>{status.title}</Text>
            </View>
            <Text className='data-export__detail'>{status.detail}</Text>
            {inProgress && <View className='data-export__progress' aria-hidden='true' />}
          </>
        ) : (
          <Text className='data-export__detail'>还没有导出过。点下面的按钮申请，打包好后在这里下载。</Text>
        )}
        {notice && (
          <View className='data-export__notice' role='status'>
            <Text>{notice}</Text>
          </View>
        )}
      </View>

      {current?.status === 'ready' && current.downloadUrl ? (
        <View className='data-export__actions'>
          <Button className='btn btn-primary' onClick={() => void download()}>
            下载压缩包
          </Button>
          <Button className='btn btn-secondary' loading={asking || undefined} disabled={asking || undefined} onClick={() => void ask()}>
            重新打包最新数据
          </Button>
        </View>
      ) : (
        <View className='data-export__actions'>
          <Button className='btn btn-primary' loading={asking || inProgress || undefined} disabled={asking || inProgress || undefined} onClick={() => void ask()}>
            {inProgress ? '正在准备，请稍候' : current ? '重新申请导出' : '申请导出'}
          </Button>
        </View>
      )}
      <View className='card data-export__about'>
        <Text className='section-title'>压缩包里有什么</Text>
        <Text className='data-export__lead'>按照《个人信息保护法》，您可以随时取得自己在维权通的数据副本。压缩包里有：</Text>
        <View className='data-export__list'>
          {CONTENTS.map((line) => (
            <Text key={line} className='data-export__item'>
              · {line}
            </Text>
          ))}
        </View>
        <Text className='muted'>打包在后台进行，一般几分钟；完成后 {DATA_EXPORT_DAYS} 天内可以下载，之后自动删除。同一时间只能有一份在打包。</Text>
      </View>
    </View>
  )
}

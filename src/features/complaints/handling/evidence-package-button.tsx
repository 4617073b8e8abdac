import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { downloadEvidencePackage } from '../api/download-evidence-package'

type State = { kind: 'idle' } | { kind: 'working'; share: number | null } | { kind: 'done'; file: string } | { kind: 'error'; message: string }

function describe(state: State): string {
  switch (state.kind) {
    case 'idle':
      return ''
    case 'working':
      return state.share === null ? '正在打包照片和记录，照片多时要等一会儿…' : `正在下载 ${Math.round(state.share * 100)}%`
    case 'done':
      return `已导出 ${state.file}`
    case 'error':
      return state.message
  }
}

/** Staff: the whole case as one zip for a court (photos as uploaded, timeline, hash-chained record). */
export function EvidencePackageButton({ complaintId, number }: { complaintId: string; number: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const working = state.kind === 'working'

  const start = async () => {
    setState({ kind: 'working', share: null })
    try {
      const file = await downloadEvidencePackage(complaintId, number, (share) => setState({ kind: 'working', share }))
      setState({ kind: 'done', file })
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : '证据包没有导出，请稍后重试' })
    }
  }

  return (
    <View className='card evidence-package'>
      <Text className='section-title'>证据包</Text>
      <Text className='muted evidence-package__intro'>把照片原件、处理经过和案件记录打包成一个压缩文件，可以交给法院。包里的每个文件都有 SHA-256 校验值，记录被改动或删除都能查出来。</Text>
      <Button className='btn btn-secondary evidence-package__button' onClick={() => void start()} disabled={working || undefined} loading={working || undefined}>
        导出证据包
      </Button>
      {/* One node whose text changes: the H5 renderer trips over siblings appearing beside a loading button. */}
      <View role={state.kind === 'error' ? 'alert' : 'status'} className={state.kind === 'error' ? 'evidence-package__error' : 'evidence-package__status'}>
        <Text>{describe(state)}</Text>
      </View>
    </View>
  )
}

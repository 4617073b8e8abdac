import { Button, Text, View } from '@tarojs/components'
import './index.css'

export type PageStateProps =
  | { kind: 'loading'; title?: string }
  | { kind: 'empty'; title: string; description?: string; actionText?: string; onAction?: () => void }
  | { kind: 'error'; title?: string; description: string; onRetry: () => void }

/** The one look for loading, empty and error states, so every screen says what is going on. */
export function PageState(props: PageStateProps) {
  if (props.kind === 'loading') {
    return (
      <View className='page-state' aria-busy='true'>
        <View className='page-state__spinner' />
        <Text className='page-state__title'>{props.title ?? '正在加载…'}</Text>
      </View>
    )
  }
  if (props.kind === 'error') {
    return (
      <View className='page-state' role='alert'>
        <Text className='page-state__icon page-state__icon--error'>!</Text>
        <Text className='page-state__title'>{props.title ?? '加载失败'}</Text>
        <Text className='page-state__description'>{props.description}</Text>
        <Button className='btn btn-secondary page-state__action' onClick={props.onRetry}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View className='page-state'>
      <Text className='page-state__icon'>○</Text>
      <Text className='page-state__title'>{props.title}</Text>
      {props.description && <Text className='page-state__description'>{props.description}</Text>}
      {props.actionText && props.onAction && (
        <Button className='btn btn-primary page-state__action' onClick={props.onAction}>
          {props.actionText}
        </Button>
      )}
    </View>
  )
}

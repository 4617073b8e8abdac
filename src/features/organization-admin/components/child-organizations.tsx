import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ORGANIZATION_LEVEL_LABELS, type Organization } from '@/contract/organization'
import { errorMessage } from '@/lib/http'
import { createChild } from '../api/organization-admin'
import { childRule, regionCodeProblem } from './region-code'

interface Props {
  parent: Organization
  items: readonly Organization[]
  onOpen(id: string): void
  onCreated(): void
}

/** 下级组织: each opens its own management page; a city or province may add one with a real region code. */
export function ChildOrganizations({ parent, items, onOpen, onCreated }: Props) {
  const rule = childRule(parent)
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState('')
  const [sending, setSending] = useState(false)

  async function submit() {
    if (!rule) return
    if (name.trim().length < 2) return setProblem('请填写组织名称')
    const invalid = regionCodeProblem(parent, code)
    if (invalid) return setProblem(invalid)
    setSending(true)
    setProblem('')
    try {
      await createChild({ name: name.trim(), level: rule.level, regionCode: code, parentId: parent.id })
      setOpen(false)
      setName('')
      setCode('')
      void Taro.showToast({ title: '已新建', icon: 'success' })
      onCreated()
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card'>
      <Text className='section-title'>下级组织</Text>
      {items.length === 0 && <Text className='muted org-admin__empty'>还没有下级组织</Text>}
      {items.map((child) => (
        <View key={child.id} className='org-admin__child' role='link' hoverClass='complaint-item--pressed' onClick={() => onOpen(child.id)}>
          <Text className='org-admin__member-name'>{child.name}</Text>
          <Text className='muted'>
            {ORGANIZATION_LEVEL_LABELS[child.level]} · 区划代码 {child.regionCode ?? '—'}
          </Text>
          <Text className='complaint-item__more'>管理成员 ›</Text>
        </View>
      ))}
      {rule && !open && (
        <Button className='btn btn-secondary' onClick={() => setOpen(true)}>
          新建{ORGANIZATION_LEVEL_LABELS[rule.level]}组织
        </Button>
      )}
      {rule && open && (
        <View className='action-form'>
          <Text className='org-admin__label'>名称</Text>
          <Input className='field-input' maxlength={60} placeholder='例如：杭州市拱墅区消费者协会' value={name} aria-label='组织名称' onInput={(e) => setName(e.detail.value)} />
          <Text className='org-admin__label'>行政区划代码（{rule.length} 位）</Text>
          <Input className='field-input' type='number' maxlength={rule.length} placeholder={parent.regionCode ? `${parent.regionCode}…` : ''} value={code} aria-label='行政区划代码' onInput={(e) => setCode(e.detail.value)} />
          {problem && <Text className='field-error'>{problem}</Text>}
          <View className='action-form__buttons'>
            <Button className='btn btn-primary' disabled={sending || undefined} onClick={() => void submit()}>
              {sending ? '正在新建…' : '确定新建'}
            </Button>
            <Button className='btn btn-plain' onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

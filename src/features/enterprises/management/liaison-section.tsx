import { useCallback, useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Liaison } from '@/contract/enterprise'
import { PageState } from '@/components/page-state'
import { errorMessage } from '@/lib/http'
import { bindLiaison, listLiaisons } from '../api/manage-enterprises'
import { liaisonErrors } from './enterprise-form'
import { FormField } from './form-field'

const RED = '#b71c1c'

/** Who answers complaints for this enterprise, and adding one by phone (a new or an existing account). */
export function LiaisonSection({ enterpriseId, enterpriseName }: { enterpriseId: string; enterpriseName: string }) {
  const [liaisons, setLiaisons] = useState<Liaison[] | null>(null)
  const [problem, setProblem] = useState('')
  const [phone, setPhone] = useState('')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<{ phone?: string; name?: string }>({})
  const [sending, setSending] = useState(false)

  const load = useCallback(async () => {
    try {
      setLiaisons((await listLiaisons(enterpriseId)).items)
      setProblem('')
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }, [enterpriseId])
  useEffect(() => void load(), [load])

  async function add() {
    if (sending) return
    const found = liaisonErrors(phone, name)
    setErrors(found)
    if (found.phone || found.name) return
    const { confirm } = await Taro.showModal({
      title: '添加联络员',
      content: `手机号 ${phone.trim()} 将成为「${enterpriseName}」的联络员，可以查看和处理该企业收到的投诉。已有账号的会直接绑定。确定吗？`,
      confirmText: '确定添加',
      cancelText: '再想想',
      confirmColor: RED,
    })
    if (!confirm) return
    setSending(true)
    try {
      await bindLiaison(enterpriseId, phone, name)
      setPhone('')
      setName('')
      void Taro.showToast({ title: '已添加', icon: 'success' })
      await load()
    } catch (error) {
      void Taro.showModal({ title: '没能添加', content: errorMessage(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='card'>
      <View className='section-title'>联络员</View>
      <Text className='muted manage-intro'>联络员用自己的手机号登录，在“企业处理台”处理本企业的绿色通道投诉。</Text>
      {problem ? (
        <PageState kind='error' description={problem} onRetry={() => void load()} />
      ) : !liaisons ? (
        <PageState kind='loading' />
      ) : liaisons.length === 0 ? (
        <Text className='manage-empty'>还没有联络员：绿色通道的投诉没有人能在企业处理台答复。</Text>
      ) : (
        liaisons.map((l) => (
          <View key={l.id} className='manage-liaison'>
            <Text>{l.displayName}</Text>
            <Text className='manage-row__meta'>
              {l.phone ?? '（微信账号）'}
              {l.disabled ? ' · 已停用' : ''}
            </Text>
          </View>
        ))
      )}
      <Text className='manage-subtitle'>添加联络员</Text>
      <FormField label='手机号' error={errors.phone}>
        <Input className={`field-input ${errors.phone ? 'field-input-error' : ''}`} type='number' maxlength={11} value={phone} placeholder='联络员的手机号' aria-label='联络员手机号' onInput={(e) => (setPhone(e.detail.value), setErrors((x) => ({ ...x, phone: undefined })))} />
      </FormField>
      <FormField label='姓名' error={errors.name}>
        <Input className={`field-input ${errors.name ? 'field-input-error' : ''}`} maxlength={20} value={name} placeholder='例如：张经理' aria-label='联络员姓名' onInput={(e) => (setName(e.detail.value), setErrors((x) => ({ ...x, name: undefined })))} />
      </FormField>
      <Button className='btn btn-secondary' disabled={sending || undefined} onClick={() => void add()}>
        {sending ? '正在添加…' : '添加联络员'}
      </Button>
    </View>
  )
}

import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Finding, FindingCaseCandidates } from '@/contract/bad-faith-finding'
import type { EnterpriseSummary } from '@/contract/enterprise'
import { appealWindowText, FINDING_BASES, FINDING_FACTS_MAX, FINDING_FACTS_MIN } from '@/contract/bad-faith-finding-rules'
import { errorMessage } from '@/lib/http'
import { caseCandidates, proposeFinding, searchDirectory } from '../api/credit-findings'
import { chinaDay } from './finding-words'

const MONTHS = [3, 6, 12, 24, 36] as const

/**
 * 提出失信认定: the enterprise (from the directory), its complaints this organization handled, the
 * basis (from the list), the facts and how long to publish. Sending tells the enterprise: confirmed first.
 */
export function ProposeForm({ onProposed }: { onProposed: (finding: Finding) => void }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<EnterpriseSummary[] | null>(null)
  const [enterprise, setEnterprise] = useState<EnterpriseSummary | null>(null)
  const [cases, setCases] = useState<FindingCaseCandidates['items'] | null>(null)
  const [chosenCases, setChosenCases] = useState<string[]>([])
  const [basisCode, setBasisCode] = useState<string>(FINDING_BASES[0]!.code)
  const [facts, setFacts] = useState('')
  const [months, setMonths] = useState<number>(6)
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)

  async function search() {
    if (!query.trim()) return setProblem('请输入企业名称中的文字')
    setProblem('')
    try {
      setFound((await searchDirectory(query)).items)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  async function pick(choice: EnterpriseSummary) {
    setEnterprise(choice)
    setFound(null)
    setCases(null)
    setChosenCases([])
    try {
      setCases((await caseCandidates(choice.id)).items)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  const toggleCase = (id: string) => setChosenCases((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]))

  async function send() {
    if (busy || !enterprise) return
    if (chosenCases.length === 0) return setProblem('请至少关联一件投诉')
    if ([...facts.trim()].length < FINDING_FACTS_MIN) return setProblem(`请写清认定的事实（至少 ${FINDING_FACTS_MIN} 个字）`)
    const { confirm } = await Taro.showModal({
      title: '提出失信认定',
      content: `将通知「${enterprise.name}」，企业可在 ${appealWindowText()}内申辩，之后由另一位工作人员复核。确定提出吗？`,
      confirmText: '提出',
      cancelText: '再看看',
    })
    if (!confirm) return
    setBusy(true)
    setProblem('')
    try {
      onProposed(await proposeFinding({ enterpriseId: enterprise.id, basisCode, facts: facts.trim(), caseIds: chosenCases, months }))
      setEnterprise(null)
      setCases(null)
      setChosenCases([])
      setFacts('')
      setQuery('')
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' aria-label='提出失信认定'>
      <Text className='credit-title'>提出失信认定</Text>
      <Text className='credit-label'>企业</Text>
      {enterprise ? (
        <View className='credit-choice credit-choice--on'>
          <Text>{enterprise.name}</Text>
          <Text className='picker-value__change' onClick={() => setEnterprise(null)}>
            换一家
          </Text>
        </View>
      ) : (
        <>
          <Input className='field-input' maxlength={50} placeholder='企业名称中的文字' value={query} aria-label='企业名称' onInput={(e) => setQuery(e.detail.value)} onConfirm={() => void search()} />
          <Button className='btn btn-secondary' onClick={() => void search()}>
            在企业名录中查找
          </Button>
          {found && found.length === 0 && <Text className='muted'>名录里没有找到，请换个说法</Text>}
          <View className='credit-choices'>
            {found?.map((choice) => (
              <View key={choice.id} className='credit-choice' onClick={() => void pick(choice)} aria-label={`选择 ${choice.name}`}>
                <Text>{choice.name}</Text>
              </View>
            ))}
          </View>
        </>
      )}
      {enterprise && (
        <>
          <Text className='credit-label'>关联投诉（本会及下级组织办理的）</Text>
          {!cases ? (
            <Text className='muted'>正在加载投诉…</Text>
          ) : cases.length === 0 ? (
            <Text className='muted'>本会及下级组织没有办理过这家企业的投诉，不能提出认定</Text>
          ) : (
            <View className='credit-choices'>
              {cases.map((c) => (
                <View key={c.id} className={`credit-choice ${chosenCases.includes(c.id) ? 'credit-choice--on' : ''}`} onClick={() => toggleCase(c.id)} aria-label={`关联投诉 ${c.number}`} aria-checked={chosenCases.includes(c.id)} role='checkbox'>
                  <Text>
                    {chosenCases.includes(c.id) ? '☑' : '☐'} {c.number}（{chinaDay(c.createdAt)}）
                  </Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
      <Text className='credit-label'>认定依据</Text>
      <View className='credit-choices' role='radiogroup'>
        {FINDING_BASES.map((basis) => (
          <View key={basis.code} className={`credit-choice ${basisCode === basis.code ? 'credit-choice--on' : ''}`} onClick={() => setBasisCode(basis.code)} role='radio' aria-checked={basisCode === basis.code}>
            <Text>
              {basisCode === basis.code ? '◉' : '○'} {basis.document}
              {basis.article ?? ''}：{basis.text}
              {basis.verified ? '' : '（依据待核实）'}
            </Text>
          </View>
        ))}
      </View>
      <Text className='credit-label'>认定的事实</Text>
      <Text className='muted'>写清行为、时间、件数和金额；不要写消费者的姓名、电话、身份证号或住址（公示时电话和证件号会被隐去）。</Text>
      <Textarea className='field-input credit-textarea' maxlength={FINDING_FACTS_MAX} autoHeight value={facts} aria-label='认定的事实' placeholder='例如：2026 年收取预付款后停业，12 件投诉调解承诺退款均未履行' onInput={(e) => setFacts(e.detail.value)} />
      <Text className='muted'>
        {[...facts].length} / {FINDING_FACTS_MAX} 字
      </Text>
      <Text className='credit-label'>公示期限</Text>
      <View className='credit-actions credit-months' role='radiogroup'>
        {MONTHS.map((m) => (
          <Button key={m} className={`btn ${months === m ? 'btn-primary' : 'btn-plain'}`} onClick={() => setMonths(m)}>
            {m} 个月
          </Button>
        ))}
      </View>
      {problem && <Text className='field-error'>{problem}</Text>}
      <Button className='btn btn-primary' disabled={busy || !enterprise || undefined} onClick={() => void send()}>
        {busy ? '正在提交…' : '提出认定并通知企业'}
      </Button>
    </View>
  )
}

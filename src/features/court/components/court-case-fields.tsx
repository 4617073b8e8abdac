import type { ReactNode } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'

/** One labelled field with its hint and, beside it, what is wrong with it. */
export function CaseField({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className='court-new__field'>
      <Text className='field-label'>{label}</Text>
      {children}
      {hint && <Text className='muted court-new__hint'>{hint}</Text>}
      {error && (
        <View role='alert'>
          <Text className='court-form__hint'>{error}</Text>
        </View>
      )}
    </View>
  )
}

export function TextField(props: { label: string; value: string; placeholder?: string; maxlength?: number; hint?: string; error?: string; onInput(value: string): void }) {
  return (
    <CaseField label={props.label} hint={props.hint} error={props.error}>
      <Input
        className='field-input'
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 100}
        onInput={(e) => props.onInput(e.detail.value)}
        aria-label={props.label}
      />
    </CaseField>
  )
}

export function DateField(props: { label: string; value: string; start?: string; end?: string; error?: string; onChange(value: string): void }) {
  return (
    <CaseField label={props.label} error={props.error}>
      <Picker mode='date' value={props.value || props.end || props.start || ''} start={props.start} end={props.end} onChange={(e) => props.onChange(String(e.detail.value))}>
        <View className='field-input court-form__choice' role='button' aria-label={`${props.label} ${props.value || '请选择日期'}，点按修改`}>
          <Text>{props.value || '请选择日期'}</Text>
        </View>
      </Picker>
    </CaseField>
  )
}

/** Big tappable choices (one or several), in two columns. */
export function Choices<T extends string>(props: { label: string; options: ReadonlyArray<{ value: T; label: string }>; selected: readonly T[]; multiple?: boolean; error?: string; onToggle(value: T): void }) {
  return (
    <CaseField label={props.label} error={props.error}>
      <View className='court-new__choices' role={props.multiple ? 'group' : 'radiogroup'} aria-label={props.label}>
        {props.options.map((o) => {
          const on = props.selected.includes(o.value)
          return (
            <View
              key={o.value}
              className={`court-new__choice ${on ? 'court-new__choice--on' : ''}`}
              role={props.multiple ? 'checkbox' : 'radio'}
              aria-checked={on}
              onClick={() => props.onToggle(o.value)}
            >
              <Text>{o.label}</Text>
            </View>
          )
        })}
      </View>
    </CaseField>
  )
}

import { Text, View } from '@tarojs/components'

interface Props<T extends string> {
  options: ReadonlyArray<{ value: T; label: string }>
  selected: readonly T[]
  onToggle(value: T): void
  multiple?: boolean
  label: string
  columns?: 1 | 2 | 3
}

/** Big tappable choices (≥ 48 CSS px tall) instead of small radio buttons and checkboxes. */
export function ChoiceChips<T extends string>({ options, selected, onToggle, multiple = false, label, columns = 3 }: Props<T>) {
  return (
    <View className={`chips chips--${columns}`} role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
      {options.map((option) => {
        const on = selected.includes(option.value)
        return (
          <View
            key={option.value}
            className={`chip ${on ? 'chip--on' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            hoverClass='chip--pressed'
            onClick={() => onToggle(option.value)}
          >
            {multiple && <Text className='chip__mark'>{on ? '✓' : ''}</Text>}
            <Text className='chip__label'>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

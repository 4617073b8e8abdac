import { Text, View } from '@tarojs/components'

interface Props<T extends string> {
  options: ReadonlyArray<{ value: T; label: string }>
  selected: readonly T[]
  onToggle(value: T): void
  multiple?: boolean
  label: string
  columns?: 1 | 2 | 3
}

const NEXT: Record<string, 1 | -1> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }

/**
 * On H5 the chips answer the keyboard like radio buttons and checkboxes: Tab reaches a single choice
 * at its chosen chip (or the first), the arrow keys move and choose, Space or Enter chooses.
 * NOTE: ViewProps has no tabIndex or onKeyDown, but Taro H5 sets them on the element.
 */
function keyboardProps<T extends string>(values: readonly T[], index: number, tabbable: boolean, multiple: boolean, onToggle: (value: T) => void): object {
  if (process.env.TARO_ENV !== 'h5') return {}
  return {
    tabIndex: tabbable ? 0 : -1,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault()
        onToggle(values[index] as T)
        return
      }
      const by = NEXT[event.key]
      const chip = event.currentTarget instanceof HTMLElement ? event.currentTarget : null
      if (!by || multiple || !chip) return
      event.preventDefault()
      const next = (index + by + values.length) % values.length
      onToggle(values[next] as T)
      const target = chip.parentElement?.children[next]
      if (target instanceof HTMLElement) target.focus()
    },
  }
}

/** Big tappable choices (≥ 48 CSS px tall) instead of small radio buttons and checkboxes. */
export function ChoiceChips<T extends string>({ options, selected, onToggle, multiple = false, label, columns = 3 }: Props<T>) {
  const tabbable = multiple ? undefined : (options.find((option) => selected.includes(option.value)) ?? options[0])?.value
  const values = options.map((option) => option.value)
  return (
    <View className={`chips chips--${columns}`} role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
      {options.map((option, index) => {
        const on = selected.includes(option.value)
        return (
          <View
            key={option.value}
            className={`chip ${on ? 'chip--on' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            hoverClass='chip--pressed'
            onClick={() => onToggle(option.value)}
            {...keyboardProps(values, index, multiple || option.value === tabbable, multiple, onToggle)}
          >
            {multiple && <Text className='chip__mark'>{on ? '✓' : ''}</Text>}
            <Text className='chip__label'>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

import { Input } from '@tarojs/components'
import { halfWidthDigits } from '@/contract/rules'

interface Props {
  value: string
  onChange(value: string): void
  /** An amount with a decimal point rather than a phone number or a code. */
  decimal?: boolean
  className?: string
  maxlength?: number
  placeholder?: string
  focus?: boolean
  onBlur?: () => void
  'aria-label': string
}

/**
 * A number field that keeps digits typed in a Chinese input method (１３８…) as 138… instead of
 * dropping them. NOTE: on H5 Taro renders type number/digit as <input type="number">, whose value is
 * empty for full-width digits, so H5 uses a text field with a numeric keyboard (inputmode) instead.
 */
export function DigitInput({ value, onChange, decimal = false, ...rest }: Props) {
  const h5 = process.env.TARO_ENV === 'h5'
  return (
    <Input
      {...rest}
      type={h5 ? 'text' : decimal ? 'digit' : 'number'}
      nativeProps={h5 ? { inputMode: decimal ? 'decimal' : 'numeric' } : undefined}
      value={value}
      onInput={(e) => {
        const normalised = halfWidthDigits(e.detail.value)
        onChange(normalised)
        return normalised
      }}
    />
  )
}

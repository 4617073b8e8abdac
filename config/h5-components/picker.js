import { defineCustomElement } from '@tarojs/components/dist/components/taro-picker-core.js'
import { wrap } from './wrap.js'

export const Picker = wrap('taro-picker-core', defineCustomElement)

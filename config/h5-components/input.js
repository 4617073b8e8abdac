import { defineCustomElement } from '@tarojs/components/dist/components/taro-input-core.js'
import { wrap } from './wrap.js'

export const Input = wrap('taro-input-core', defineCustomElement)

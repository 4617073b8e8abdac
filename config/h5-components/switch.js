import { defineCustomElement } from '@tarojs/components/dist/components/taro-switch-core.js'
import { wrap } from './wrap.js'

export const Switch = wrap('taro-switch-core', defineCustomElement)

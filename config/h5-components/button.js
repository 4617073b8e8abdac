import { defineCustomElement } from '@tarojs/components/dist/components/taro-button-core.js'
import { wrap } from './wrap.js'

export const Button = wrap('taro-button-core', defineCustomElement)

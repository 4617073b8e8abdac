import { defineCustomElement } from '@tarojs/components/dist/components/taro-map-core.js'
import { wrap } from './wrap.js'

export const Map = wrap('taro-map-core', defineCustomElement)

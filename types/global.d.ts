/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** Absolute API origin baked in at build time (`TARO_APP_API_BASE`); empty on H5 means "same origin". */
declare const API_BASE_URL: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_API_BASE?: string
  }
}

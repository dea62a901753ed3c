/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test'
    /** The platform being built; Taro replaces it at build time, so the unused branch is dropped. */
    TARO_ENV?: 'weapp' | 'h5'
    /** WeChat cloud env id for Taro.cloud.init (weapp). */
    TARO_APP_CLOUD_ENV?: string
  }
}

/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    /** The API's base URL, from .env.<mode> or the environment (only TARO_APP_* reaches the bundle). */
    TARO_APP_API_BASE?: string;
    /** Subscribe-message template ids (not secret), for requestSubscribeMessage. */
    TARO_APP_TEMPLATE_NEW_MATCH?: string;
    TARO_APP_TEMPLATE_STATUS?: string;
  }
}

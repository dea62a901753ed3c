import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { buildConstants } from './constants'

const root = path.resolve(__dirname, '..')

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp → dist/ (project.config.json miniprogramRoot), H5 → dist-h5/ (served by scripts/dev.ts)
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // Build-time settings (unset → defaults), so no `process` is left in the bundle (config/constants.ts)
    defineConstants: buildConstants(),
    alias: {
      '@': path.join(root, 'src'),
      '@core': path.join(root, 'core'),
    },
    // weapp: the sitemap (which pages WeChat search may index) ships beside app.json
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    sass: { resource: [], data: '' },
    mini: {
      // core/ sits outside src/: compile it like app code (TypeScript, JSX-free)
      compile: { include: [path.join(root, 'core')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [path.join(root, 'core')] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: { host: '127.0.0.1', port: Number(process.env.H5_DEV_PORT || 10087) },
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of our
      // components; share them across pages instead.
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})

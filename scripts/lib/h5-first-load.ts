import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { serveApp } from './static-server'

export interface FirstLoad {
  files: string[]
  /** gzip -9 of each JS and CSS file the page fetched, summed */
  gzip: number
  raw: number
}

/**
 * What a phone downloads to show one page of the H5 build the first time: the JS and CSS files
 * Chromium fetched until the page's chunks were loaded (the network settled), as gzip sizes.
 * The cloud is not running: the page's calls fail, which changes no file it loads.
 */
export async function h5FirstLoad(dir: string, pagePath = '/pages/home/index'): Promise<FirstLoad> {
  const server = await serveApp({ root: dir, port: 0, proxyTo: 'http://127.0.0.1:9', proxyPrefixes: ['/dev/'] })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } })
    const fetched = new Set<string>()
    page.on('response', (r) => {
      const p = new URL(r.url()).pathname
      if (/\.(js|css)$/.test(p)) fetched.add(p)
    })
    // a chosen demo person, so home does not send a newcomer to the persona switcher first
    await page.addInitScript(() => localStorage.setItem('linli.dev.openid', JSON.stringify({ data: 'demo-resident-wang' })))
    await page.goto(`${server.url}/#${pagePath}`, { waitUntil: 'networkidle' })
    const files = [...fetched].sort()
    let gzip = 0
    let raw = 0
    for (const f of files) {
      const body = fs.readFileSync(path.join(dir, f))
      raw += body.length
      gzip += zlib.gzipSync(body, { level: 9 }).length
    }
    return { files, gzip, raw }
  } finally {
    await browser.close()
    await server.close()
  }
}

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export interface StaticServer {
  url: string
  port: number
  close(): Promise<void>
}

/**
 * Serve a built H5 app on 127.0.0.1 and pass `proxyPrefixes` (e.g. `/dev/`) to another local server,
 * so the page calls the local cloud on its own origin.
 */
export async function serveApp(opts: { root: string; port: number; proxyTo: string; proxyPrefixes: string[] }): Promise<StaticServer> {
  const root = path.resolve(opts.root)
  const target = new URL(opts.proxyTo)
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (opts.proxyPrefixes.some((p) => url.pathname.startsWith(p))) return proxy(req, res, target)
    let file = path.join(root, decodeURIComponent(url.pathname))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html') // hash router: one page
    fs.readFile(file, (err, body) => {
      if (err) return void res.writeHead(404).end('not found')
      const hashed = /\.[0-9a-f]{8,}\.(js|css)$/.test(file)
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      res.end(body)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, target: URL): void {
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    },
  )
  upstream.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ errCode: -1, errMsg: `local cloud unreachable: ${err.message}` }))
  })
  req.pipe(upstream)
}

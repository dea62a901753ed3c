/**
 * The render layer's world: WeChat's component engine draws into a DOM, here jsdom. Installed as
 * globals (window, document…) in the test realm only — the logic layer's vm context never sees them.
 * Node's own globals (fetch, Buffer) stay, for the host's plumbing.
 */
import { JSDOM } from 'jsdom'

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
const g = globalThis as Record<string, unknown>
for (const k of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'TouchEvent', 'Touch', 'navigator', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'MutationObserver']) {
  if (!(k in g) || k === 'navigator') Object.defineProperty(g, k, { value: k === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[k], configurable: true, writable: true })
}

import { createApp } from './src/server/app.js'
import { openStore } from './src/store/index.js'
import { Pipeline } from './src/pipeline/index.js'
const store = openStore({ path: ':memory:' })
const p = new Pipeline({ store })
const r = await p.process({
  body:
    '<html><head><title>Hello &lt;script&gt;</title></head><body><article><h1>Hello</h1><p>' +
    'The minister said "we will win this fight" on Monday in Paris. '.repeat(10) +
    '</p><p>Second paragraph about the economy and more words here for length.</p></article></body></html>',
  url: 'https://example.com/a/1',
  source: { kind: 'url', location: 'x' },
  fetchedAt: new Date().toISOString(),
})
console.log(r)
const app = createApp({ store })
for (const path of [
  '/',
  '/search?q=minister',
  '/api/v1/articles',
  `/article/${(r as any).id}`,
  '/api/v1/openapi.json',
  '/feeds/front.atom',
  '/nope',
  '/api/v1/nope',
  '/api/v1/articles?limit=1000',
  '/sources',
  '/entities',
]) {
  const res = await app.request(path)
  const body = await res.text()
  console.log(
    path,
    res.status,
    res.headers.get('content-type'),
    res.headers.get('etag'),
    body.length,
    body.slice(0, 200).replace(/\n/g, ' '),
  )
}

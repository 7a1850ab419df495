import { chromium } from 'playwright-core'
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const p = await b.newPage({ viewport: { width: 1200, height: 900 } })
const base = process.argv[2]
for (const [name, path] of [
  ['front', '/'],
  ['search', '/search?q=Putin'],
]) {
  await p.goto(base + path)
  await p.screenshot({ path: `/tmp/${name}.png` })
}
await p.goto(base + '/')
const href = await p.locator('#latest-h ~ ul a').first().getAttribute('href')
await p.goto(base + href)
await p.screenshot({ path: '/tmp/article.png', fullPage: false })
await b.close()

// Lede reader: progressive enhancements only; every page works without this file.
// Loaded as a file from the reader's own origin (the CSP allows no inline script).
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false
  button.addEventListener('click', async () => {
    const status = document.getElementById(button.getAttribute('aria-describedby') || '')
    try {
      await navigator.clipboard.writeText(button.dataset.copy || location.href)
      if (status) status.textContent = 'Link copied.'
    } catch {
      if (status) status.textContent = 'Copy failed: select the address bar instead.'
    }
  })
}

const job = document.querySelector('[data-job]')
if (job) {
  const id = job.getAttribute('data-job')
  const bar = job.querySelector('progress')
  const text = job.querySelector('[data-job-text]')
  const tick = async () => {
    const res = await fetch(`/api/v1/ingest/jobs/${encodeURIComponent(id)}`, {
      headers: { accept: 'application/json' },
    })
    if (!res.ok) return
    const j = await res.json()
    if (bar && j.expected) {
      bar.max = j.expected
      bar.value = Math.min(j.documents, j.expected)
    }
    if (text)
      text.textContent = `${j.state}: ${j.documents} documents read, ${j.inserted} new, ${j.unchanged} already known, ${j.failed} failed`
    if (j.state === 'queued' || j.state === 'running') setTimeout(tick, 1000)
    else location.reload()
  }
  if (job.getAttribute('data-state') === 'queued' || job.getAttribute('data-state') === 'running')
    setTimeout(tick, 1000)
}

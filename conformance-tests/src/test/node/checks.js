'use strict'
// One line of JSON per check on stdout, read by ConformanceSuiteTest: {"op": ..., "ok": true|false, "reason": ...}.
// A check passes when its function returns without throwing; the reason of a failure is the thrown message.

const results = []

async function check (op, fn) {
  try {
    await fn()
    results.push({ op, ok: true })
  } catch (err) {
    results.push({ op, ok: false, reason: reasonOf(err) })
  }
  process.stdout.write(JSON.stringify(results[results.length - 1]) + '\n')
}

function reasonOf (err) {
  const status = err.statusCode || (err.http && err.http.statusCode)
  const body = err.body || (err.http && err.http.body)
  const id = body && typeof body === 'object' ? body.id : undefined
  const message = body && typeof body === 'object' && body.message ? body.message : (err.message || String(err))
  return oneLine((status ? status + ' ' : '') + (id ? id + ': ' : '') + message)
}

function oneLine (text) {
  return String(text).replace(/\s+/g, ' ').trim().slice(0, 300)
}

function expect (condition, what) {
  if (!condition) throw new Error('expected ' + what)
}

module.exports = { check, expect, oneLine }

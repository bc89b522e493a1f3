'use strict'
// Figure 2, node-heroku-client contender: same stdin/stdout protocol as ThroughputWorker.java.
// node benchmarks/node/worker.js http://127.0.0.1:PORT
const fs = require('fs')
const readline = require('readline')
const Heroku = require('heroku-client')

const heroku = new Heroku({ token: '01234567-89ab-cdef-0123-456789abcdef', host: process.argv[2] })

function cpuNanos () {
  const u = process.cpuUsage()
  return (u.user + u.system) * 1000
}

function liveThreads () {
  const m = /Threads:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
  return m ? Number(m[1]) : -1
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function run (concurrency, ramp, measure) {
  let ops = 0
  let errors = 0
  let firstError = null
  let stop = false
  const loops = []
  for (let i = 0; i < concurrency; i++) {
    loops.push((async () => {
      while (!stop) {
        try {
          const app = await heroku.get('/apps/example')
          if (app.name !== 'example') throw new Error('unexpected ' + app.name)
          ops++
        } catch (e) {
          errors++
          if (!firstError) firstError = String(e)
        }
      }
    })())
  }
  await sleep(ramp)
  process.stdout.write('MEASURING\n')
  const ops0 = ops
  const err0 = errors
  const cpu0 = cpuNanos()
  const t0 = process.hrtime.bigint()
  await sleep(measure / 2)
  const threads = liveThreads()
  await sleep(measure - measure / 2)
  const t1 = process.hrtime.bigint()
  const cpu1 = cpuNanos()
  const ops1 = ops
  const err1 = errors
  stop = true
  await Promise.all(loops)
  const err = firstError ? firstError.replace(/\s+/g, '_') : '-'
  return `${ops1 - ops0} ${err1 - err0} ${cpu1 - cpu0} ${t1 - t0} ${threads} ${err}`
}

async function main () {
  const first = await heroku.get('/apps/example')
  if (first.name !== 'example') throw new Error('unexpected answer')
  process.stdout.write('READY\n')
  const rl = readline.createInterface({ input: process.stdin })
  for await (const line of rl) {
    const p = line.trim().split(' ')
    if (p[0] === 'QUIT') break
    if (p[0] !== 'RUN') continue
    const result = await run(Number(p[1]), Number(p[2]), Number(p[3]))
    process.stdout.write('RESULT ' + result + '\n')
  }
  process.exit(0)
}

main().catch((e) => { console.error(e); process.exit(1) })

'use strict'
// Loaded into every node process of the suite (NODE_OPTIONS=--require, so child processes such as the CLI's
// telemetry worker get it too). A settings mistake must not reach the internet: a connection to anything but
// loopback is refused before it is made, and written to LOOPBACK_GUARD_LOG, which the suite asserts is empty.
// It is a safety net under the clients' own settings (README.md), not what keeps them local.
const fs = require('fs')
const net = require('net')

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i
const connect = net.Socket.prototype.connect

net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? (Array.isArray(args[0]) ? args[0][0] : args[0]) : null
  const host = options ? options.host : (typeof args[1] === 'string' ? args[1] : undefined)
  const isPipe = options ? typeof options.path === 'string' : typeof args[0] === 'string'
  if (!isPipe && host !== undefined && !LOOPBACK.test(String(host).replace(/^\[|\]$/g, ''))) {
    const port = options ? options.port : args[0]
    if (process.env.LOOPBACK_GUARD_LOG) {
      fs.appendFileSync(process.env.LOOPBACK_GUARD_LOG, host + ':' + port + ' from ' + process.argv.slice(1).join(' ') + '\n')
    }
    process.nextTick(() => this.destroy(new Error('loopback guard: refused a connection to ' + host + ':' + port)))
    return this
  }
  return connect.apply(this, args)
}

'use strict'
// The everyday script through the Heroku CLI 11.10.0 (npm package `heroku`), one command per check, against
// SIMULATOR_URL. The environment that keeps the CLI on loopback is made by ConformanceSuiteTest (see README.md).
const { execFile } = require('child_process')
const http = require('http')
const path = require('path')
const { check, expect, oneLine } = require('./checks')

const cli = path.join(__dirname, '..', '..', '..', 'node_modules', 'heroku', 'bin', 'run.js')
const app = 'conf-cli-' + process.pid
const target = app + '-prod'
const pipeline = app + '-pipe'

const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '')

// Runs one CLI command; stdin is closed, so a prompt fails the command instead of waiting. Answers its stdout.
function heroku (...args) {
  return run(args).then(({ stdout }) => stdout)
}

// What the user reads in the terminal: stdout and stderr, where the CLI's progress lines (ux.action:
// "Scaling dynos... done, now running web at 2") go when stdout is not a terminal.
function said (...args) {
  return run(args).then(({ stdout, stderr }) => plain(stdout + '\n' + stderr))
}

function run (args) {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [cli, ...args], { timeout: 60000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const why = oneLine(plain(stderr)) || err.message
        reject(new Error('heroku ' + args.join(' ') + ' -> exit ' + (err.code ?? err.signal) + ': ' + why))
      } else {
        resolve({ stdout, stderr })
      }
    })
    child.stdin.end()
  })
}

const json = async (...args) => JSON.parse(await heroku(...args, '--json'))

// Set-up only (not a check): the CLI has no command that starts a build without git, so the script asks the API
// for one directly, as `git push heroku` would cause, so that the app has a web process type to scale.
function api (method, path, body) {
  const url = new URL(path, process.env.SIMULATOR_URL)
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method,
      headers: {
        Accept: 'application/vnd.heroku+json; version=3',
        'Content-Type': 'application/json',
        Authorization: 'Bearer ' + process.env.HEROKU_API_KEY
      }
    }, (res) => {
      let text = ''
      res.on('data', (chunk) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null }))
    })
    req.on('error', reject)
    req.end(body ? JSON.stringify(body) : undefined)
  })
}

async function main () {
  await check('auth:whoami', async () => {
    expect((await heroku('auth:whoami')).includes('@'), 'an email')
  })
  await check('regions', async () => {
    const names = (await json('regions')).map((r) => r.name)
    expect(names.includes('eu'), 'eu among ' + names)
  })
  await check('apps:create', async () => {
    const out = await heroku('apps:create', app, '--region', 'eu', '--stack', 'heroku-24', '--no-remote')
    expect(out.includes(app), 'the app named in the output')
    await heroku('apps:create', target, '--no-remote')
  })
  await check('apps', async () => {
    expect((await json('apps')).some((a) => a.name === app), app + ' listed')
  })
  await check('apps:info', async () => {
    expect((await json('apps:info', '-a', app)).app.name === app, 'the app')
  })
  await check('config:set', async () => {
    expect((await heroku('config:set', 'GREETING=hello', 'LEVEL=debug', '-a', app)).includes('GREETING'), 'GREETING echoed')
  })
  await check('config:get', async () => {
    expect((await heroku('config:get', 'GREETING', '-a', app)).trim() === 'hello', 'hello')
  })
  await check('config', async () => {
    expect((await json('config', '-a', app)).LEVEL === 'debug', 'LEVEL=debug')
  })
  await check('config:unset', async () => {
    await heroku('config:unset', 'LEVEL', '-a', app)
    expect(!('LEVEL' in await json('config', '-a', app)), 'LEVEL gone')
  })
  await check('releases', async () => {
    expect((await json('releases', '-a', app)).length >= 3, 'three releases')
  })
  await check('releases:info', async () => {
    expect((await json('releases:info', 'v1', '-a', app)).version === 1, 'release v1')
  })
  await check('releases:rollback', async () => {
    const out = await said('releases:rollback', 'v1', '-a', app)
    expect(/Rolling back .* to v1\.\.\. done, v\d+/.test(out), 'rolled back to v1, got ' + oneLine(out))
  })
  await check('buildpacks:set', async () => {
    await heroku('buildpacks:set', 'heroku/nodejs', '-a', app)
  })
  await check('buildpacks', async () => {
    expect((await heroku('buildpacks', '-a', app)).includes('heroku/nodejs'), 'heroku/nodejs')
  })
  const source = await api('POST', '/sources')
  const url = source.body && source.body.source_blob ? source.body.source_blob.get_url : 'https://example.com/s.tgz'
  const build = await api('POST', '/apps/' + app + '/builds', { source_blob: { url, version: 'v1' } })
  if (build.body && build.body.id) await api('GET', '/apps/' + app + '/builds/' + build.body.id)
  await check('ps:scale', async () => {
    const out = await said('ps:scale', 'web=2', '-a', app)
    expect(out.includes('now running web at 2'), 'web at 2, got ' + oneLine(out))
  })
  await check('ps:type', async () => {
    await heroku('ps:type', 'web=standard-2X', '-a', app)
  })
  await check('ps', async () => {
    expect((await json('ps', '-a', app)).some((d) => d.type === 'web'), 'a web dyno')
  })
  await check('ps:restart', async () => {
    await heroku('ps:restart', '-a', app)
  })
  await check('run:detached', async () => {
    expect((await heroku('run:detached', 'echo hi', '-a', app)).includes('run.'), 'a run.N dyno')
  })
  await check('ps:stop', async () => {
    const run = (await json('ps', '-a', app)).find((d) => d.type === 'run')
    expect(run, 'a one-off dyno to stop')
    await heroku('ps:stop', run.name, '-a', app)
  })
  await check('addons:create', async () => {
    await heroku('addons:create', 'heroku-postgresql:essential-0', '--as', 'DATABASE', '-a', app)
  })
  await check('addons', async () => {
    expect((await json('addons', '-a', app)).some((a) => a.plan.name === 'heroku-postgresql:essential-0'), 'the add-on')
  })
  await check('addons:info', async () => {
    const addon = (await json('addons', '-a', app))[0]
    expect((await heroku('addons:info', addon.name, '-a', app)).includes(addon.name), 'the add-on described')
  })
  await check('addons:destroy', async () => {
    const addon = (await json('addons', '-a', app))[0]
    await heroku('addons:destroy', addon.name, '-a', app, '--confirm', app)
  })
  await check('domains:add', async () => {
    await heroku('domains:add', 'www.' + app + '.example.com', '-a', app)
  })
  await check('domains', async () => {
    expect((await json('domains', '-a', app)).some((d) => d.hostname === 'www.' + app + '.example.com'), 'the domain')
  })
  await check('domains:remove', async () => {
    await heroku('domains:remove', 'www.' + app + '.example.com', '-a', app)
  })
  await check('drains:add', async () => {
    await heroku('drains:add', 'syslog+tls://logs.example.com:6514', '-a', app)
  })
  await check('drains', async () => {
    expect((await json('drains', '-a', app)).some((d) => d.url === 'syslog+tls://logs.example.com:6514'), 'the drain')
  })
  await check('drains:remove', async () => {
    await heroku('drains:remove', 'syslog+tls://logs.example.com:6514', '-a', app)
  })
  await check('logs', async () => {
    expect((await heroku('logs', '-n', '10', '-a', app)).trim().length > 0, 'log lines')
  })
  await check('pipelines:create', async () => {
    await heroku('pipelines:create', pipeline, '-a', app, '--stage', 'staging')
  })
  await check('pipelines:add', async () => {
    await heroku('pipelines:add', pipeline, '-a', target, '--stage', 'production')
  })
  await check('pipelines', async () => {
    expect((await json('pipelines')).some((p) => p.name === pipeline), 'the pipeline')
  })
  await check('pipelines:info', async () => {
    const info = await json('pipelines:info', pipeline)
    expect(info.apps.length === 2, 'two apps in the pipeline')
  })
  await check('pipelines:promote', async () => {
    expect((await heroku('pipelines:promote', '-a', app)).includes(target), 'promoted to ' + target)
  })
  await check('webhooks:add', async () => {
    await heroku('webhooks:add', '-i', 'api:release', '-l', 'notify', '-u', 'https://hooks.example.com/heroku', '-a', app)
  })
  await check('webhooks', async () => {
    expect((await heroku('webhooks', '-a', app)).includes('https://hooks.example.com/heroku'), 'the webhook')
  })
  await check('labs', async () => {
    expect(Array.isArray((await json('labs', '-a', app)).app), 'app features')
  })
  await check('features', async () => {
    expect(Array.isArray(await json('features', '-a', app)), 'features')
  })
  await check('keys', async () => {
    expect(Array.isArray(await json('keys')), 'a list')
  })
  await check('apps:stacks', async () => {
    expect((await heroku('apps:stacks', '-a', app)).includes('heroku-24'), 'heroku-24')
  })
  await check('teams', async () => {
    expect(Array.isArray(await json('teams')), 'a list')
  })
  await check('spaces', async () => {
    expect(Array.isArray(await json('spaces')), 'a list')
  })
  await check('access:add', async () => {
    await heroku('access:add', 'friend@example.com', '-a', app)
  })
  await check('access', async () => {
    expect((await json('access', '-a', app)).some((c) => c.user.email === 'friend@example.com'), 'the collaborator')
  })
  await check('maintenance:on', async () => {
    await heroku('maintenance:on', '-a', app)
    expect((await heroku('maintenance', '-a', app)).trim() === 'on', 'maintenance on')
  })
  await check('apps:rename', async () => {
    await heroku('apps:rename', app + '-new', '-a', app)
  })
  await check('apps:destroy', async () => {
    await heroku('apps:destroy', '-a', app + '-new', '--confirm', app + '-new')
  })
}

main().catch((err) => {
  process.stderr.write('script stopped: ' + (err.stack || err) + '\n')
  process.exit(1)
})

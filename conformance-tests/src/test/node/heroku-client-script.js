'use strict'
// The everyday script through node-heroku-client 3.1.4 (Heroku's own Node.js client), against SIMULATOR_URL.
// node heroku-client-script.js   (with SIMULATOR_URL=http://127.0.0.1:PORT and HEROKU_API_KEY)
const Heroku = require('heroku-client')
const http = require('http')
const { check, expect } = require('./checks')

const heroku = new Heroku({ token: process.env.HEROKU_API_KEY, host: process.env.SIMULATOR_URL })
const app = 'conf-node-' + process.pid
const target = app + '-prod'
const state = {}

// The simulator's stream URLs (logplex_url, output_stream_url) are plain http on the same loopback host.
function readStream (url) {
  expect(url.startsWith(process.env.SIMULATOR_URL), 'a stream URL on the simulator, got ' + url)
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let text = ''
      res.on('data', (chunk) => { text += chunk })
      res.on('end', () => resolve(text))
    }).on('error', reject)
  })
}

async function main () {
  await check('account info', async () => {
    const account = await heroku.get('/account')
    expect(account.email && account.email.includes('@'), 'an email, got ' + account.email)
  })
  await check('rate limits', async () => {
    const limits = await heroku.get('/account/rate-limits')
    expect(Number.isInteger(limits.remaining), 'a number remaining')
  })
  await check('regions list', async () => {
    const names = (await heroku.get('/regions')).map((r) => r.name)
    expect(names.includes('us') && names.includes('eu'), 'us and eu, got ' + names)
  })
  await check('region info', async () => {
    expect((await heroku.get('/regions/eu')).name === 'eu', 'region eu')
  })
  await check('stacks list', async () => {
    const names = (await heroku.get('/stacks')).map((s) => s.name)
    expect(names.includes('heroku-24'), 'heroku-24 among ' + names)
  })
  await check('app create', async () => {
    const created = await heroku.post('/apps', { body: { name: app, region: 'eu', stack: 'heroku-24' } })
    expect(created.name === app, 'name ' + app + ', got ' + created.name)
    expect(created.region.name === 'eu', 'region eu, got ' + created.region.name)
    await heroku.post('/apps', { body: { name: target } })
  })
  await check('app info', async () => {
    expect((await heroku.get('/apps/' + app)).name === app, 'the app by name')
  })
  await check('app list', async () => {
    const names = (await heroku.get('/apps')).map((a) => a.name)
    expect(names.includes(app), app + ' listed')
  })
  await check('app update (maintenance)', async () => {
    expect((await heroku.patch('/apps/' + app, { body: { maintenance: true } })).maintenance === true, 'maintenance on')
    await heroku.patch('/apps/' + app, { body: { maintenance: false } })
  })
  await check('config vars set', async () => {
    const vars = await heroku.patch('/apps/' + app + '/config-vars', { body: { GREETING: 'hello', LEVEL: 'debug' } })
    expect(vars.GREETING === 'hello', 'GREETING=hello')
  })
  await check('config vars get', async () => {
    expect((await heroku.get('/apps/' + app + '/config-vars')).LEVEL === 'debug', 'LEVEL=debug')
  })
  await check('config vars unset', async () => {
    const vars = await heroku.patch('/apps/' + app + '/config-vars', { body: { LEVEL: null } })
    expect(!('LEVEL' in vars), 'LEVEL gone')
  })
  await check('releases list', async () => {
    const releases = await heroku.get('/apps/' + app + '/releases')
    state.releases = releases
    expect(releases.length >= 3, 'v1 and two config releases, got ' + releases.length)
  })
  await check('release info', async () => {
    expect((await heroku.get('/apps/' + app + '/releases/1')).version === 1, 'release v1')
  })
  await check('rollback', async () => {
    const v1 = await heroku.get('/apps/' + app + '/releases/1')
    const release = await heroku.post('/apps/' + app + '/releases', { body: { release: v1.id } })
    expect(release.version > state.releases.length, 'a new release version, got ' + release.version)
  })
  await check('source create', async () => {
    state.source = await heroku.post('/sources')
    expect(state.source.source_blob.put_url, 'a put_url')
  })
  await check('build create', async () => {
    const url = state.source ? state.source.source_blob.get_url : 'https://example.com/source.tgz'
    state.build = await heroku.post('/apps/' + app + '/builds', { body: { source_blob: { url, version: 'v1' } } })
    expect(['pending', 'succeeded'].includes(state.build.status), 'pending, got ' + state.build.status)
  })
  await check('build info (succeeded, with a release)', async () => {
    const build = await heroku.get('/apps/' + app + '/builds/' + state.build.id)
    expect(build.status === 'succeeded', 'succeeded, got ' + build.status)
    expect(build.release && build.release.id, 'the release it made')
  })
  await check('build output stream', async () => {
    const build = await heroku.get('/apps/' + app + '/builds/' + state.build.id)
    expect((await readStream(build.output_stream_url)).length > 0, 'build output')
  })
  await check('formation list (web from the build)', async () => {
    const types = (await heroku.get('/apps/' + app + '/formation')).map((f) => f.type)
    expect(types.includes('web'), 'web among ' + types)
  })
  await check('formation scale', async () => {
    const web = await heroku.patch('/apps/' + app + '/formation/web', { body: { quantity: 2, size: 'standard-1X' } })
    expect(web.quantity === 2, 'quantity 2, got ' + web.quantity)
  })
  await check('formation batch update', async () => {
    const all = await heroku.patch('/apps/' + app + '/formation', { body: { updates: [{ type: 'web', quantity: 1 }] } })
    expect(all.find((f) => f.type === 'web').quantity === 1, 'web at 1')
  })
  await check('dynos list', async () => {
    const dynos = await heroku.get('/apps/' + app + '/dynos')
    expect(dynos.some((d) => d.type === 'web'), 'a web dyno, got ' + dynos.map((d) => d.name))
  })
  await check('dyno run (one-off)', async () => {
    state.dyno = await heroku.post('/apps/' + app + '/dynos', { body: { command: 'echo hi', attach: false } })
    expect(state.dyno.name.startsWith('run.'), 'a run.N dyno, got ' + state.dyno.name)
  })
  await check('dyno stop', async () => {
    await heroku.post('/apps/' + app + '/dynos/' + state.dyno.name + '/actions/stop')
  })
  await check('dynos restart all', async () => {
    await heroku.delete('/apps/' + app + '/dynos')
  })
  await check('addon create', async () => {
    state.addon = await heroku.post('/apps/' + app + '/addons', { body: { plan: 'heroku-postgresql:essential-0' } })
    expect(state.addon.plan.name === 'heroku-postgresql:essential-0', 'the plan, got ' + state.addon.plan.name)
  })
  await check('addon list', async () => {
    expect((await heroku.get('/apps/' + app + '/addons')).some((a) => a.id === state.addon.id), 'the add-on listed')
  })
  await check('addon resolve', async () => {
    const found = await heroku.post('/actions/addons/resolve', { body: { app, addon: state.addon.name } })
    expect(found.length === 1 && found[0].id === state.addon.id, 'the add-on')
  })
  await check('addon config vars', async () => {
    const vars = await heroku.get('/apps/' + app + '/config-vars')
    expect(Object.keys(vars).includes('DATABASE_URL'), 'DATABASE_URL from the add-on')
  })
  await check('addon delete', async () => {
    await heroku.delete('/apps/' + app + '/addons/' + state.addon.id)
  })
  await check('domain add', async () => {
    const domain = await heroku.post('/apps/' + app + '/domains', { body: { hostname: 'www.' + app + '.example.com', sni_endpoint: null } })
    expect(domain.hostname === 'www.' + app + '.example.com', 'the hostname')
  })
  await check('domain list', async () => {
    const hosts = (await heroku.get('/apps/' + app + '/domains')).map((d) => d.hostname)
    expect(hosts.includes('www.' + app + '.example.com'), 'the domain among ' + hosts)
  })
  await check('domain remove', async () => {
    await heroku.delete('/apps/' + app + '/domains/www.' + app + '.example.com')
  })
  await check('drain add', async () => {
    state.drain = await heroku.post('/apps/' + app + '/log-drains', { body: { url: 'syslog+tls://logs.example.com:6514' } })
    expect(state.drain.url === 'syslog+tls://logs.example.com:6514', 'the drain URL, got ' + state.drain.url)
  })
  await check('drain list', async () => {
    expect((await heroku.get('/apps/' + app + '/log-drains')).some((d) => d.id === state.drain.id), 'the drain listed')
  })
  await check('drain remove', async () => {
    await heroku.delete('/apps/' + app + '/log-drains/' + state.drain.id)
    expect(!(await heroku.get('/apps/' + app + '/log-drains')).some((d) => d.id === state.drain.id), 'the drain gone')
  })
  await check('log session', async () => {
    const session = await heroku.post('/apps/' + app + '/log-sessions', { body: { lines: 10, tail: false } })
    expect((await readStream(session.logplex_url)).length > 0, 'log lines')
  })
  await check('pipeline create', async () => {
    state.pipeline = await heroku.post('/pipelines', { body: { name: app + '-pipe' } })
    expect(state.pipeline.name === app + '-pipe', 'the name')
  })
  await check('pipeline couple apps', async () => {
    await heroku.post('/pipeline-couplings', { body: { app, pipeline: state.pipeline.id, stage: 'staging' } })
    const coupling = await heroku.post('/pipeline-couplings', { body: { app: target, pipeline: state.pipeline.id, stage: 'production' } })
    expect(coupling.pipeline.id === state.pipeline.id, 'the coupling carries the pipeline')
  })
  await check('pipeline couplings list', async () => {
    const couplings = await heroku.get('/pipelines/' + state.pipeline.id + '/pipeline-couplings')
    expect(couplings.length === 2, 'two couplings, got ' + couplings.length)
  })
  await check('promotion create', async () => {
    const source = await heroku.get('/apps/' + app)
    const prod = await heroku.get('/apps/' + target)
    state.promotion = await heroku.post('/pipeline-promotions', {
      body: { pipeline: { id: state.pipeline.id }, source: { app: { id: source.id } }, targets: [{ app: { id: prod.id } }] }
    })
    expect(state.promotion.id, 'a promotion')
  })
  await check('promotion finishes and copies the release', async () => {
    // as a user would: wait for the promotion to leave pending, then read the release it made on the target
    // (not the last of an unordered list: lists come in id order unless a Range asks for another)
    let promotion = await heroku.get('/pipeline-promotions/' + state.promotion.id)
    for (let i = 0; i < 50 && promotion.status === 'pending'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      promotion = await heroku.get('/pipeline-promotions/' + state.promotion.id)
    }
    expect(promotion.status === 'completed', 'completed, got ' + promotion.status)
    const targets = await heroku.get('/pipeline-promotions/' + state.promotion.id + '/promotion-targets')
    expect(targets.length === 1 && targets[0].status === 'succeeded', 'a succeeded target')
    const promoted = await heroku.get('/apps/' + target + '/releases/' + targets[0].release.id)
    const latest = await heroku.get('/apps/' + app + '/releases', { headers: { Range: 'version ..; order=desc, max=1' } })
    expect(promoted.slug && latest[0].slug && promoted.slug.id === latest[0].slug.id,
      'the source\'s slug on the target, got ' + JSON.stringify(promoted.slug))
  })
  await check('webhook add', async () => {
    state.hook = await heroku.post('/apps/' + app + '/webhooks', {
      body: { include: ['api:release'], level: 'notify', url: 'https://hooks.example.com/heroku' }
    })
    expect(state.hook.include.includes('api:release'), 'api:release included')
  })
  await check('webhook list', async () => {
    expect((await heroku.get('/apps/' + app + '/webhooks')).some((w) => w.id === state.hook.id), 'the webhook listed')
  })
  await check('webhook remove', async () => {
    await heroku.delete('/apps/' + app + '/webhooks/' + state.hook.id)
  })
  await check('app features list', async () => {
    state.features = await heroku.get('/apps/' + app + '/features')
    expect(state.features.length > 0, 'features')
  })
  await check('app feature enable', async () => {
    const name = state.features[0].name
    expect((await heroku.patch('/apps/' + app + '/features/' + name, { body: { enabled: true } })).enabled === true, 'enabled')
  })
  await check('account features list', async () => {
    expect((await heroku.get('/account/features')).length > 0, 'account features')
  })
  await check('keys list', async () => {
    expect(Array.isArray(await heroku.get('/account/keys')), 'a list')
  })
  await check('collaborator add and list', async () => {
    await heroku.post('/apps/' + app + '/collaborators', { body: { user: 'friend@example.com', silent: true } })
    const emails = (await heroku.get('/apps/' + app + '/collaborators')).map((c) => c.user.email)
    expect(emails.includes('friend@example.com'), 'the collaborator among ' + emails)
  })
  await check('teams list', async () => {
    expect(Array.isArray(await heroku.get('/teams')), 'a list')
  })
  await check('spaces list', async () => {
    expect(Array.isArray(await heroku.get('/spaces')), 'a list')
  })
  await check('app delete', async () => {
    await heroku.delete('/apps/' + app)
    const gone = await heroku.get('/apps/' + app).then(() => false, (err) => err.statusCode === 404)
    expect(gone, '404 after delete')
  })
}

main().catch((err) => {
  process.stderr.write('script stopped: ' + (err.stack || err) + '\n')
  process.exit(1)
})

'use strict';
// Checks docker/ without a container engine: every docker/*.Dockerfile through two linters
// (dockerfile-utils, dockerfilelint) and the rules our images promise (base image as a build
// argument, fast-jar layout, non-root user, health check, ports and data directories the Helm
// chart expects); docker-compose.yml through `docker compose config` when the docker CLI has
// compose, else through dclint (Compose JSON schema + lint rules) and structural assertions that
// keep it consistent with the Dockerfiles and the chart.
//
// usage: node docker-check.js --repo DIR
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const YAML = require('yaml');
const dockerfileUtils = require('dockerfile-utils');
const dockerfilelint = require('dockerfilelint');
const { Harness, assert, assertEqual } = require('./harness');

const REPO = path.resolve(process.argv[process.argv.indexOf('--repo') + 1]);
const DOCKER = path.join(REPO, 'docker');
const CHART = path.join(REPO, 'helm', 'outpost');
const VALUES = YAML.parse(fs.readFileSync(path.join(CHART, 'values.yaml'), 'utf8'));
const APP_VERSION = YAML.parse(fs.readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')).appVersion;

// What each image must offer, taken from the chart so that the two cannot drift apart.
const SERVICES = {
  'gateway-service': { key: 'gateway', compose: 'gateway', ports: [VALUES.gateway.service.port, VALUES.gateway.service.workerPort] },
  'kv-service': { key: 'kv', compose: 'kv', ports: [VALUES.kv.service.port, VALUES.kv.cluster.bindPort], dataDir: '/var/lib/outpost/kv' },
  'r2-service': { key: 'r2', compose: 'r2', ports: [VALUES.r2.service.port] },
  'd1-service': { key: 'd1', compose: 'd1', ports: [VALUES.d1.service.port], dataDir: '/var/lib/outpost/d1' },
  'durable-object-service': { key: 'durableObject', compose: 'durable-object', ports: [VALUES.durableObject.service.port], dataDir: '/var/lib/outpost/durable-object' },
  'queue-service': { key: 'queue', compose: 'queue', ports: [VALUES.queue.service.port] },
};
const CONFIG_NAMES = new Set(Object.values(VALUES.configKeys).flatMap((group) => Object.values(group)));

// Instructions of a Dockerfile: continuation lines joined, comments dropped.
function instructions(text) {
  const out = [];
  let buf = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!buf && (line === '' || line.startsWith('#'))) return;
    if (buf && line.startsWith('#')) return;
    if (!buf) start = i + 1;
    if (line.endsWith('\\')) { buf += `${line.slice(0, -1)} `; return; }
    buf += line;
    const m = /^(\S+)\s*([\s\S]*)$/.exec(buf);
    out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start });
    buf = '';
  });
  return out;
}

const ALL_ERRORS = Object.fromEntries([
  'deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing', 'instructionCmdMultiple',
  'instructionEntrypointMultiple', 'instructionHealthcheckMultiple', 'instructionJSONInSingleQuotes', 'instructionWorkdirRelative',
].map((k) => [k, dockerfileUtils.ValidationSeverity.ERROR]));

function lintDockerfileUtils(text) {
  return dockerfileUtils.validate(text, ALL_ERRORS).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
}

// dockerfilelint 1.8.0 predates two things these files use on purpose; only those are waived:
// - HEALTHCHECK --start-period (Docker 17.05) is reported as invalid_format; dockerfile-utils
//   validates HEALTHCHECK flags instead.
// - FROM ${BASE_IMAGE} is reported as missing_tag; the ARG default's tag is checked below.
function lintDockerfilelint(text, ins) {
  const waived = (issue) => {
    const at = ins.find((i) => i.line === issue.line);
    if (!at) return false;
    if (issue.rule === 'invalid_format' && at.keyword === 'HEALTHCHECK' && /--start-period=/.test(at.args)) return true;
    if (issue.rule === 'missing_tag' && at.keyword === 'FROM' && at.args === '${BASE_IMAGE}') return true;
    return false;
  };
  return dockerfilelint.run(__dirname, text).filter((i) => !waived(i)).map((i) => `line ${i.line}: ${i.title} (${i.rule})`);
}

function imageRules(file, module, spec, ins) {
  const problems = [];
  const of = (kw) => ins.filter((i) => i.keyword === kw);
  // Base image as a build argument with a pinned tag (or digest).
  const first = ins[0];
  const baseArg = first && first.keyword === 'ARG' && /^BASE_IMAGE=(\S+)$/.exec(first.args);
  if (!baseArg) problems.push('the first instruction must be ARG BASE_IMAGE=<image>:<tag>');
  else if (!/(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$/.test(baseArg[1].split('/').pop())) problems.push(`BASE_IMAGE default ${baseArg[1]} has no tag`);
  const froms = of('FROM');
  if (froms.length !== 1 || froms[0].args !== '${BASE_IMAGE}') problems.push('expected exactly one FROM ${BASE_IMAGE}');
  // Quarkus fast-jar layout, from this module's build output.
  const copies = of('COPY').map((c) => c.args);
  const jar = `${module}/target/quarkus-app`;
  for (const [src, dst] of [['lib/', '/deployments/lib/'], ['quarkus-run.jar', '/deployments/quarkus-run.jar'], ['app/', '/deployments/app/'], ['quarkus/', '/deployments/quarkus/']]) {
    if (!copies.includes(`${jar}/${src} ${dst}`)) problems.push(`missing COPY ${jar}/${src} ${dst}`);
  }
  for (const c of copies) {
    const src = c.replace(/^--\S+\s+/g, '').split(/\s+/)[0];
    if (!src.startsWith(`${jar}/`) && src !== 'docker/rootfs/') problems.push(`COPY of ${src}, which is neither the fast-jar nor docker/rootfs/`);
  }
  if (!fs.existsSync(path.join(REPO, module, 'pom.xml'))) problems.push(`no Maven module ${module}`);
  // Non-root: a numeric uid other than 0 (Kubernetes can then verify runAsNonRoot).
  const users = of('USER');
  const user = users.length ? users[users.length - 1].args : 'root';
  if (!/^[1-9][0-9]*(:[0-9]+)?$/.test(user)) problems.push(`final USER is "${user}", expected a numeric non-root uid`);
  // Health check on the service's own port and /q/health.
  const hc = of('HEALTHCHECK');
  if (hc.length !== 1) problems.push('expected one HEALTHCHECK');
  else if (!new RegExp(`CMD /opt/outpost/bin/healthcheck "\\$\\{QUARKUS_HTTP_PORT:-\\$\\{OUTPOST_[A-Z0-9_]+_PORT:-${spec.ports[0]}\\}\\}" (ready|live)$`).test(hc[0].args)) {
    problems.push(`HEALTHCHECK does not probe /q/health on port ${spec.ports[0]}: ${hc[0].args}`);
  }
  const ep = of('ENTRYPOINT');
  if (ep.length !== 1 || ep[0].args !== '["/opt/outpost/bin/run"]') problems.push('ENTRYPOINT must be ["/opt/outpost/bin/run"] (exec form)');
  // Ports the chart uses.
  const exposed = of('EXPOSE').flatMap((e) => e.args.split(/\s+/)).map((p) => Number(p.replace(/\/tcp$/, '')));
  for (const p of spec.ports) if (!exposed.includes(p)) problems.push(`EXPOSE lacks port ${p}`);
  // Data directory: the same path the chart mounts its volume at, declared as a VOLUME.
  if (spec.dataDir) {
    const key = VALUES.configKeys[spec.key].dataDir;
    const env = of('ENV').map((e) => e.args).join(' ');
    if (!env.includes(`${key}=${spec.dataDir}`)) problems.push(`ENV ${key}=${spec.dataDir} missing`);
    if (!of('VOLUME').some((v) => v.args.includes(`"${spec.dataDir}"`))) problems.push(`VOLUME ["${spec.dataDir}"] missing`);
  }
  // The Dockerfile-specific ignore file keeps the build context (the repository root) small.
  const ignoreFile = path.join(DOCKER, `${file}.dockerignore`);
  if (!fs.existsSync(ignoreFile)) problems.push(`${file}.dockerignore is missing`);
  else {
    const lines = fs.readFileSync(ignoreFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (lines[0] !== '*' || !lines.includes('!docker/rootfs/') || !lines.includes(`!${jar}/`)) problems.push(`${file}.dockerignore must ignore * and re-include docker/rootfs/ and ${jar}/`);
  }
  return problems;
}

function composeEnv(service) {
  return service.environment || {};
}

function composeStructure(compose) {
  const problems = [];
  const services = compose.services || {};
  for (const name of ['postgres', 'kafka', 'minio']) if (!services[name]) problems.push(`no ${name} service`);
  for (const [module, spec] of Object.entries(SERVICES)) {
    const s = services[spec.compose];
    if (!s) { problems.push(`no ${spec.compose} service`); continue; }
    const where = `${spec.compose}:`;
    if (!s.build || s.build.context !== '..' || s.build.dockerfile !== `docker/${module}.Dockerfile`) problems.push(`${where} must build docker/${module}.Dockerfile with context ..`);
    if (s.image !== `outpost/${module}:${APP_VERSION}`) problems.push(`${where} image should be outpost/${module}:${APP_VERSION} (the chart's repository and appVersion)`);
    for (const n of Object.keys(composeEnv(s))) if (!CONFIG_NAMES.has(n)) problems.push(`${where} env ${n} is not one of the chart's configKeys (helm/outpost/values.yaml)`);
    const published = (s.ports || []).map((p) => Number(String(p).split(':').pop()));
    if (!published.includes(spec.ports[0])) problems.push(`${where} does not publish its port ${spec.ports[0]}`);
    if (spec.dataDir && !(s.volumes || []).some((v) => String(v).endsWith(`:${spec.dataDir}`))) problems.push(`${where} no volume at ${spec.dataDir}`);
    for (const dep of Object.keys(s.depends_on || {})) if (!services[dep]) problems.push(`${where} depends on unknown service ${dep}`);
  }
  for (const v of Object.values(services).flatMap((s) => s.volumes || [])) {
    const named = String(v).split(':')[0];
    if (!named.startsWith('/') && !named.startsWith('.') && !(compose.volumes && named in compose.volumes)) problems.push(`volume ${named} is not declared`);
  }
  // The gateway reaches each primitive where compose runs it, and agrees with the shards.
  const gw = composeEnv(services.gateway || {});
  const k = VALUES.configKeys.gateway;
  for (const key of ['kv', 'r2', 'd1', 'durableObject', 'queue']) {
    const target = Object.values(SERVICES).find((x) => x.key === key);
    const host = gw[k[`${key}Host`]];
    const port = Number(gw[k[`${key}Port`]]);
    if (host !== target.compose || port !== target.ports[0]) problems.push(`gateway: ${k[`${key}Host`]}/${k[`${key}Port`]} = ${host}:${port}, expected ${target.compose}:${target.ports[0]}`);
  }
  for (const [key, comp] of [['d1', 'd1'], ['durableObject', 'durable-object']]) {
    const own = composeEnv(services[comp] || {})[VALUES.configKeys[key].shards];
    const onGateway = gw[key === 'd1' ? k.d1Shards : k.durableObjectShards];
    if (!own || own !== onGateway) problems.push(`${comp}: shard list ${own} differs from the gateway's ${onGateway}`);
  }
  const dep = (svc, on, cond) => ((services[svc] || {}).depends_on || {})[on] && services[svc].depends_on[on].condition === cond;
  if (!dep('gateway', 'postgres', 'service_healthy')) problems.push('gateway must wait for a healthy postgres');
  if (!dep('queue', 'kafka', 'service_healthy')) problems.push('queue must wait for a healthy kafka');
  if (!dep('r2', 'minio', 'service_healthy')) problems.push('r2 must wait for a healthy minio');
  return problems;
}

function main() {
  const h = new Harness('docker-images');
  const files = fs.readdirSync(DOCKER).filter((f) => f.endsWith('.Dockerfile')).sort();

  h.section('Dockerfiles');
  h.check(`one Dockerfile per service (${Object.keys(SERVICES).length})`, () => {
    assertEqual(files, Object.keys(SERVICES).map((m) => `${m}.Dockerfile`).sort(), 'docker/*.Dockerfile');
  });
  for (const file of files) {
    const module = file.replace(/\.Dockerfile$/, '');
    const spec = SERVICES[module];
    const text = fs.readFileSync(path.join(DOCKER, file), 'utf8');
    const ins = instructions(text);
    h.check(`${file}: dockerfile-utils`, () => lintDockerfileUtils(text));
    h.check(`${file}: dockerfilelint`, () => lintDockerfilelint(text, ins));
    if (spec) h.check(`${file}: BASE_IMAGE argument, fast-jar layout, non-root, HEALTHCHECK, ports, data dir`, () => imageRules(file, module, spec, ins));
  }
  h.check('docker/rootfs scripts are executable and parse (sh -n)', () => {
    const bin = path.join(DOCKER, 'rootfs', 'opt', 'outpost', 'bin');
    return ['run', 'healthcheck'].flatMap((s) => {
      const f = path.join(bin, s);
      if (!fs.existsSync(f)) return [`${s} is missing`];
      const problems = [];
      if (!(fs.statSync(f).mode & 0o111)) problems.push(`${s} is not executable`);
      const r = spawnSync('sh', ['-n', f], { encoding: 'utf8' });
      if (r.status !== 0) problems.push(`${s}: ${r.stderr.trim()}`);
      return problems;
    });
  });

  h.section('docker-compose.yml');
  const composeFile = path.join(DOCKER, 'docker-compose.yml');
  const hasCompose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
  if (hasCompose) {
    h.check('docker compose config', () => {
      const r = spawnSync('docker', ['compose', '-f', composeFile, 'config', '--quiet'], { encoding: 'utf8' });
      assert(r.status === 0, r.stderr.trim());
    });
  } else {
    console.log('  skip    docker compose config (this docker CLI has no compose plugin; dclint validates the Compose schema instead)');
  }
  // dclint: the Compose JSON schema (always on) + its lint rules. Off: the ordering rules (the
  // file is ordered backing servers -> primitives -> gateway, for reading).
  h.check('dclint: Compose schema and lint rules', () => {
    const bin = path.join(path.dirname(require.resolve('dclint/package.json')), 'bin', 'dclint.cjs');
    const r = spawnSync(process.execPath, [bin, '-c', path.join(__dirname, 'dclint.json'), '-f', 'json', '--color', 'false', composeFile], { encoding: 'utf8' });
    let report;
    try {
      report = JSON.parse(r.stdout);
    } catch (e) {
      throw new Error(`dclint did not report (${r.status}): ${r.stdout}${r.stderr}`);
    }
    const messages = report.flatMap((f) => f.messages.map((m) => `line ${m.line}: ${m.message} (${m.rule})`));
    if (r.status !== 0 && messages.length === 0) messages.push(`dclint exited ${r.status}: ${r.stderr}`);
    return messages;
  });
  let compose;
  h.check('YAML parses (anchors and merge keys resolved)', () => {
    compose = YAML.parse(fs.readFileSync(composeFile, 'utf8'), { merge: true });
    assert(compose && compose.services, 'no services');
  });
  if (compose) h.check('the platform + postgres, kafka, minio; images, env names, ports, volumes, shards agree with the chart', () => composeStructure(compose));

  h.finish(`${files.length} Dockerfiles, docker-compose.yml`);
}

main();

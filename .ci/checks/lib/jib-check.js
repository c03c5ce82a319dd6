'use strict';
// Checks the `jib` Maven profile of every service module without a registry or a daemon: runs
// jib:buildTar on the modules' packaged fast-jar with the "scratch" base image (the real base image
// cannot be pulled here; every other part of the build runs), then reads each image tarball and
// checks what the chart and the Dockerfiles rely on: the fast-jar in /deployments in its own
// layers, nothing of Jib's default class-path layout, the entrypoint script, a non-root user, the
// ports, the data directory, and the image name = the chart's repository and appVersion.
//
// usage: node jib-check.js --repo DIR --out DIR   (images: <module>/target/jib-image.tar; OUT: scratch space)
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const YAML = require('yaml');
const { Harness, assert, assertEqual } = require('./harness');

const arg = (name) => path.resolve(process.argv[process.argv.indexOf(`--${name}`) + 1]);
const REPO = arg('repo');
const OUT = arg('out');
const CHART = path.join(REPO, 'helm', 'outpost');
const VALUES = YAML.parse(fs.readFileSync(path.join(CHART, 'values.yaml'), 'utf8'));
const APP_VERSION = YAML.parse(fs.readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')).appVersion;

const MODULES = {
  'gateway-service': { ports: [VALUES.gateway.service.port, VALUES.gateway.service.workerPort] },
  'kv-service': { ports: [VALUES.kv.service.port, VALUES.kv.cluster.bindPort], dataDir: [VALUES.configKeys.kv.dataDir, '/var/lib/outpost/kv'] },
  'r2-service': { ports: [VALUES.r2.service.port] },
  'd1-service': { ports: [VALUES.d1.service.port], dataDir: [VALUES.configKeys.d1.dataDir, '/var/lib/outpost/d1'] },
  'durable-object-service': { ports: [VALUES.durableObject.service.port], dataDir: [VALUES.configKeys.durableObject.dataDir, '/var/lib/outpost/durable-object'] },
  'queue-service': { ports: [VALUES.queue.service.port] },
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  return r;
}

function tarText(tarFile, member) {
  const r = run('tar', ['-xOf', tarFile, member]);
  assert(r.status === 0, `${member} missing in ${tarFile}: ${r.stderr}`);
  return r.stdout;
}

// Every entry of every layer: "mode path".
function layerEntries(tarFile, layers, scratch) {
  return layers.map((layer) => {
    run('tar', ['-xf', tarFile, '-C', scratch, layer]);
    const r = run('tar', ['--warning=no-unknown-keyword', '-tvzf', path.join(scratch, layer)]);
    assert(r.status === 0, `cannot list ${layer}: ${r.stderr}`);
    return r.stdout.trim().split('\n').filter(Boolean).map((l) => {
      const parts = l.trim().split(/\s+/);
      return { mode: parts[0], path: parts[parts.length - 1].replace(/^\.?\//, '') };
    });
  });
}

function imageProblems(module, spec, tarFile) {
  const problems = [];
  const manifest = JSON.parse(tarText(tarFile, 'manifest.json'))[0];
  const config = JSON.parse(tarText(tarFile, manifest.Config)).config;
  const expectedTag = `outpost/${module}:${APP_VERSION}`;
  if (!(manifest.RepoTags || []).includes(expectedTag)) problems.push(`image is ${manifest.RepoTags}, expected ${expectedTag} (chart repository + appVersion)`);
  if (JSON.stringify(config.Entrypoint) !== '["/opt/outpost/bin/run"]') problems.push(`entrypoint ${JSON.stringify(config.Entrypoint)}`);
  if (!/^[1-9][0-9]*(:[0-9]+)?$/.test(config.User || '')) problems.push(`user "${config.User}" is not a numeric non-root uid`);
  for (const p of spec.ports) if (!(config.ExposedPorts || {})[`${p}/tcp`]) problems.push(`port ${p} not exposed`);
  const env = config.Env || [];
  if (!env.some((e) => e.startsWith('JAVA_OPTS=') && e.includes('MaxRAMPercentage'))) problems.push('JAVA_OPTS with a container-aware heap is missing');
  if (spec.dataDir && !env.includes(`${spec.dataDir[0]}=${spec.dataDir[1]}`)) problems.push(`env ${spec.dataDir[0]}=${spec.dataDir[1]} missing`);

  const scratch = fs.mkdtempSync(path.join(OUT, 'layers-'));
  try {
    const layers = layerEntries(tarFile, manifest.Layers, scratch);
    const all = layers.flat();
    const has = (p) => all.some((e) => e.path === p || e.path === `${p}/`);
    for (const p of ['deployments/quarkus-run.jar', 'deployments/quarkus/quarkus-application.dat', 'opt/outpost/bin/run', 'opt/outpost/bin/healthcheck']) {
      if (!has(p)) problems.push(`${p} is not in the image`);
    }
    if (!all.some((e) => e.path.startsWith('deployments/lib/boot/') && e.path.endsWith('.jar'))) problems.push('deployments/lib/boot/*.jar missing');
    if (!all.some((e) => e.path.startsWith('deployments/app/') && e.path.endsWith('.jar'))) problems.push('deployments/app/*.jar missing');
    const leftovers = all.filter((e) => e.path.startsWith('app/'));
    if (leftovers.length) problems.push(`Jib's default layout was not removed: ${leftovers.slice(0, 3).map((e) => e.path)}`);
    const run = all.find((e) => e.path === 'opt/outpost/bin/run');
    if (run && !/^-rwxr-xr-x/.test(run.mode)) problems.push(`/opt/outpost/bin/run has mode ${run.mode}`);
    // The dependencies change least: they must not share a layer with the application.
    const libLayer = layers.findIndex((l) => l.some((e) => e.path.startsWith('deployments/lib/') && e.path.endsWith('.jar')));
    const appLayer = layers.findIndex((l) => l.some((e) => e.path === 'deployments/quarkus-run.jar'));
    if (libLayer < 0 || libLayer === appLayer) problems.push('dependencies and application are not in separate layers');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return problems;
}

function main() {
  const h = new Harness('jib-images');
  fs.mkdirSync(OUT, { recursive: true });
  const modules = Object.keys(MODULES);
  const missing = modules.filter((m) => !fs.existsSync(path.join(REPO, m, 'target', 'quarkus-app', 'quarkus-run.jar')));

  h.section('jib:buildTar (base image "scratch": registries are not reachable here)');
  let built = false;
  h.check(`mvn -Pjib jib:buildTar for ${modules.length} modules`, () => {
    assert(missing.length === 0, `not packaged yet: ${missing.join(', ')} (run \`mvn -B package -DskipTests\` first; bin/outpost test does)`);
    const r = run('mvn', ['-B', '-q', '-Pjib', 'com.google.cloud.tools:jib-maven-plugin:3.5.2:buildTar', '-pl', modules.join(','),
      '-Djib.base.image=scratch'], { cwd: REPO });
    assert(r.status === 0, `${r.stdout}${r.stderr}`.trim().split('\n').slice(-25).join('\n'));
    built = true;
  });

  if (!built) return h.finish('images not built, contents not checked');
  h.section('Image contents');
  for (const module of modules) {
    h.check(`${module}: fast-jar layers in /deployments, entrypoint, non-root, ports, data dir, name`, () => {
      return imageProblems(module, MODULES[module], path.join(REPO, module, 'target', 'jib-image.tar'));
    });
  }
  h.finish(`${modules.length} images`);
}

main();

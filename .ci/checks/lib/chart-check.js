'use strict';
// Checks the Helm chart helm/outpost without a cluster: helm lint --strict, helm template with
// several value sets, every rendered manifest against the Kubernetes schemas, and assertions on
// the rendered manifests about the things that break a deployment silently (discovery, shard
// lists, probes, secrets, network policies, selectors).
//
// usage: node chart-check.js --helm PATH --chart DIR --out DIR
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const YAML = require('yaml');
const { Harness, assert, assertEqual } = require('./harness');
const { parseDocs } = require('./yaml-docs');
const k8s = require('./k8s-schema');

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing --${name}`);
  return process.argv[i + 1];
};
const HELM = arg('helm');
const CHART = path.resolve(arg('chart'));
const OUT = path.resolve(arg('out'));
const RELEASE = 'outpost';
const NS = 'outpost';
const DOMAIN = 'cluster.local';

const VALUE_SETS = [
  { name: 'default', files: ['ci/externals-values.yaml'], why: 'the defaults plus only the required external services' },
  { name: 'production', files: ['values-production.yaml'], why: '3 kv, 3 D1 shards, 3 DO shards, 2 gateways' },
  { name: 'all-features', files: ['ci/externals-values.yaml', 'ci/all-features-values.yaml'], why: 'every optional template on' },
];

const CONFIG_KEYS = YAML.parse(fs.readFileSync(path.join(CHART, 'values.yaml'), 'utf8')).configKeys;
const COMPONENTS = ['gateway', 'kv', 'r2', 'd1', 'durable-object', 'queue'];
const INTERNAL = ['kv', 'd1', 'durable-object', 'queue'];
const STATEFUL = { kv: 'kv', d1: 'd1', 'durable-object': 'durableObject' };

function helm(args) {
  const r = spawnSync(HELM, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

function valuesArgs(files) {
  return files.flatMap((f) => ['-f', path.join(CHART, f)]);
}

function render(files, extra = []) {
  return helm(['template', RELEASE, CHART, '--namespace', NS, ...valuesArgs(files), ...extra]);
}

// The values of a set as helm merges them (maps merge, everything else is replaced).
function mergedValues(files) {
  const merge = (a, b) => {
    if (b && typeof b === 'object' && !Array.isArray(b) && a && typeof a === 'object' && !Array.isArray(a)) {
      const out = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
      return out;
    }
    return b === undefined ? a : b;
  };
  return ['values.yaml', ...files].map((f) => YAML.parse(fs.readFileSync(path.join(CHART, f), 'utf8'))).reduce(merge, {});
}

// ---- lookups on rendered manifests -------------------------------------------------------------

const id = (d) => `${d.kind}/${d.metadata.name}`;
const component = (d) => d.metadata.labels && d.metadata.labels['app.kubernetes.io/component'];
const workloads = (docs) => docs.filter((d) => d.kind === 'Deployment' || d.kind === 'StatefulSet');

function workload(docs, comp) {
  const found = workloads(docs).filter((d) => component(d) === comp);
  assert(found.length === 1, `expected one workload for component ${comp}, found ${found.length}`);
  return found[0];
}

function named(docs, kind, name) {
  const d = docs.find((x) => x.kind === kind && x.metadata.name === name);
  assert(d, `${kind}/${name} is not rendered`);
  return d;
}

const container = (w) => w.spec.template.spec.containers[0];

function envEntry(c, name) {
  const e = (c.env || []).find((x) => x.name === name);
  assert(e, `container ${c.name} has no env ${name}`);
  return e;
}

function envValue(c, name) {
  const e = envEntry(c, name);
  assert(typeof e.value === 'string', `env ${name} of ${c.name} is not a plain value`);
  return e.value;
}

function port(c, name) {
  const p = (c.ports || []).find((x) => x.name === name);
  assert(p, `container ${c.name} has no port named ${name}`);
  return p.containerPort;
}

const matches = (selector, labels) => Object.entries(selector || {}).every(([k, v]) => labels && labels[k] === v);
const podLabels = (w) => w.spec.template.metadata.labels;
const fqdn = (svc) => `${svc}.${NS}.svc.${DOMAIN}`;

// ---- assertions ----------------------------------------------------------------------------------

function kvDiscovery(docs, values) {
  const sts = workload(docs, 'kv');
  assertEqual(sts.kind, 'StatefulSet', 'kv workload kind');
  const c = container(sts);
  const k = CONFIG_KEYS.kv;
  assertEqual(envValue(c, k.clusterEnabled), 'true', `${k.clusterEnabled}`);
  const headless = named(docs, 'Service', sts.spec.serviceName);
  assertEqual(headless.spec.clusterIP, 'None', `clusterIP of the kv StatefulSet's serviceName ${headless.metadata.name}`);
  assertEqual(headless.spec.publishNotReadyAddresses, true, 'publishNotReadyAddresses of the kv headless Service (members must find each other before they are ready)');
  assertEqual(headless.spec.selector, sts.spec.selector.matchLabels, 'kv headless Service selector vs StatefulSet selector');
  assert(matches(headless.spec.selector, podLabels(sts)), 'kv headless Service does not select the kv pods');
  assertEqual(envValue(c, k.clusterDnsQuery), fqdn(headless.metadata.name), `${k.clusterDnsQuery} (JGroups DNS_PING query)`);
  const bindPort = Number(envValue(c, k.clusterBindPort));
  assertEqual(port(c, 'jgroups'), bindPort, 'kv container port "jgroups" vs the JGroups bind port');
  const svcPort = headless.spec.ports.find((p) => p.targetPort === 'jgroups');
  assert(svcPort && svcPort.port === bindPort, 'kv headless Service does not carry the JGroups port');
  assertEqual(envEntry(c, k.clusterBindAddress).valueFrom, { fieldRef: { fieldPath: 'status.podIP' } }, `${k.clusterBindAddress}`);
  assertEqual(sts.spec.replicas, values.kv.replicas, 'kv StatefulSet replicas vs kv.replicas');
}

function shardLists(docs, comp) {
  const key = STATEFUL[comp];
  const sts = workload(docs, comp);
  assertEqual(sts.kind, 'StatefulSet', `${comp} workload kind`);
  const c = container(sts);
  const k = CONFIG_KEYS[key];
  const httpPort = port(c, 'http');
  const headless = named(docs, 'Service', sts.spec.serviceName);
  assertEqual(headless.spec.clusterIP, 'None', `${comp} serviceName must be a headless Service`);
  assert(matches(headless.spec.selector, podLabels(sts)), `${comp} headless Service does not select its pods`);
  const expected = [...Array(sts.spec.replicas).keys()].map((i) => `${sts.metadata.name}-${i}.${fqdn(headless.metadata.name)}:${httpPort}`);
  const onShards = envValue(c, k.shards).split(',');
  const gatewayKey = comp === 'd1' ? CONFIG_KEYS.gateway.d1Shards : CONFIG_KEYS.gateway.durableObjectShards;
  const onGateway = envValue(container(workload(docs, 'gateway')), gatewayKey).split(',');
  assertEqual(onShards, expected, `${comp} shard list on the shards (one stable pod name per StatefulSet replica)`);
  assertEqual(onGateway, onShards, `${comp} shard list on the gateway (${gatewayKey}) vs on the shards`);
  assertEqual(envEntry(c, k.shardIndex).valueFrom, { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } }, `${k.shardIndex}`);
  return sts.spec.replicas;
}

// Bindings inside Durable Objects: the DO pods reach the gateway (code, service bindings), kv, r2 and queue by
// their Services and the D1 shards by the same list the gateway has; the NetworkPolicies let them in.
function durableObjectBindings(docs) {
  const c = container(workload(docs, 'durable-object'));
  const k = CONFIG_KEYS.durableObject;
  for (const target of ['gateway', 'kv', 'r2', 'queue']) {
    const svc = docs.find((d) => d.kind === 'Service' && !d.spec.clusterIP && matches(d.spec.selector, podLabels(workload(docs, target))));
    assert(svc, `no Service selects ${target}`);
    assertEqual(envValue(c, k[`${target}Host`]), fqdn(svc.metadata.name), `${k[`${target}Host`]} (durable-object -> ${target})`);
    assertEqual(envValue(c, k[`${target}Port`]), String(port(container(workload(docs, target)), 'http')), `${k[`${target}Port`]}`);
  }
  assertEqual(envValue(c, k.d1Shards), envValue(container(workload(docs, 'gateway')), CONFIG_KEYS.gateway.d1Shards), `${k.d1Shards} vs the gateway's D1 shard list`);
}

function dataVolumes(docs, values) {
  const problems = [];
  for (const comp of Object.keys(STATEFUL)) {
    const sts = workload(docs, comp);
    const c = container(sts);
    const mount = (c.volumeMounts || []).find((m) => m.name === 'data');
    if (!mount) { problems.push(`${comp}: no "data" volume mount`); continue; }
    const dataDir = envValue(c, CONFIG_KEYS[STATEFUL[comp]].dataDir);
    if (dataDir !== mount.mountPath) problems.push(`${comp}: data dir ${dataDir} is not the volume mount ${mount.mountPath}`);
    const persistent = values[STATEFUL[comp]].persistence.enabled;
    const claim = (sts.spec.volumeClaimTemplates || []).find((t) => t.metadata.name === 'data');
    const emptyDir = (sts.spec.template.spec.volumes || []).find((v) => v.name === 'data' && v.emptyDir);
    if (persistent && !claim) problems.push(`${comp}: persistence is on but there is no volumeClaimTemplate "data" (a volume per pod)`);
    if (!persistent && !emptyDir) problems.push(`${comp}: persistence is off but there is no emptyDir "data"`);
  }
  return problems;
}

function probes(docs) {
  const problems = [];
  for (const comp of COMPONENTS) {
    const w = workload(docs, comp);
    const c = container(w);
    const httpPort = port(c, 'http');
    if (envValue(c, CONFIG_KEYS.common.httpPort) !== String(httpPort)) problems.push(`${comp}: ${CONFIG_KEYS.common.httpPort} is not the "http" container port ${httpPort}`);
    for (const [probe, p] of [['startupProbe', '/q/health/started'], ['livenessProbe', '/q/health/live'], ['readinessProbe', '/q/health/ready']]) {
      const g = c[probe] && c[probe].httpGet;
      if (!g) problems.push(`${comp}: no ${probe}`);
      else if (g.path !== p || (g.port !== 'http' && g.port !== httpPort)) problems.push(`${comp}: ${probe} is ${g.path} on ${g.port}, expected ${p} on the http port`);
    }
    const a = w.spec.template.metadata.annotations || {};
    if (a['prometheus.io/scrape'] !== 'true' || a['prometheus.io/path'] !== '/q/metrics' || a['prometheus.io/port'] !== String(httpPort)) {
      problems.push(`${comp}: Prometheus annotations ${JSON.stringify(a)} do not point at /q/metrics on ${httpPort}`);
    }
    if (!(w.spec.template.spec.securityContext || {}).runAsNonRoot) problems.push(`${comp}: pods do not have runAsNonRoot`);
  }
  return problems;
}

const SENSITIVE = /PASSWORD|SECRET|TOKEN|ACCESS_KEY|USERNAME|CREDENTIAL/i;

function secrets(docs, values) {
  const problems = [];
  for (const d of docs) {
    if (d.kind === 'Secret') problems.push(`${id(d)}: the chart must not create Secrets (credentials are referenced)`);
    if (d.kind === 'ConfigMap') problems.push(`${id(d)}: unexpected ConfigMap`);
  }
  const refs = {};
  for (const w of workloads(docs)) {
    for (const c of w.spec.template.spec.containers) {
      for (const e of c.env || []) {
        if (SENSITIVE.test(e.name)) {
          if (e.value !== undefined) problems.push(`${id(w)}: ${e.name} is inlined as a value`);
          else if (!(e.valueFrom && e.valueFrom.secretKeyRef)) problems.push(`${id(w)}: ${e.name} does not come from a secretKeyRef`);
          else refs[`${component(w)}:${e.name}`] = `${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`;
        }
        if (typeof e.value === 'string' && /^[a-z]+:\/\/[^/]*@/.test(e.value.replace(/^jdbc:/, ''))) {
          problems.push(`${id(w)}: ${e.name} carries credentials in a URL`);
        }
      }
    }
  }
  const pg = values.externalPostgresql;
  const s3 = values.externalS3;
  const r2 = values.r2.auth;
  const g = CONFIG_KEYS.gateway;
  const r = CONFIG_KEYS.r2;
  const expected = {
    [`gateway:${g.dbUsername}`]: `${pg.existingSecret}/${pg.usernameKey}`,
    [`gateway:${g.dbPassword}`]: `${pg.existingSecret}/${pg.passwordKey}`,
    [`r2:${r.s3AccessKey}`]: `${s3.existingSecret}/${s3.accessKeyKey}`,
    [`r2:${r.s3SecretKey}`]: `${s3.existingSecret}/${s3.secretKeyKey}`,
    [`r2:${r.s3ApiAccessKeyId}`]: `${r2.existingSecret}/${r2.accessKeyIdKey}`,
    [`r2:${r.s3ApiSecretAccessKey}`]: `${r2.existingSecret}/${r2.secretAccessKeyKey}`,
    [`r2:${r.apiToken}`]: `${r2.existingSecret}/${r2.apiTokenKey}`,
  };
  for (const [where, ref] of Object.entries(expected)) {
    if (refs[where] !== ref) problems.push(`${where} should reference Secret ${ref}, got ${refs[where] || 'nothing'}`);
  }
  return problems;
}

// Peers of the rules of a NetworkPolicy that admit traffic to a port.
function admitted(np, portNumber) {
  return (np.spec.ingress || []).filter((r) => !r.ports || r.ports.some((p) => p.port === portNumber));
}

function networkPolicies(docs, values) {
  const problems = [];
  const nps = docs.filter((d) => d.kind === 'NetworkPolicy');
  const selectorOf = (comp) => workload(docs, comp).spec.selector.matchLabels;
  const policyOf = (comp) => {
    const found = nps.filter((n) => JSON.stringify(n.spec.podSelector.matchLabels) === JSON.stringify(selectorOf(comp)));
    if (found.length !== 1) problems.push(`${comp}: expected exactly one NetworkPolicy selecting its pods, found ${found.length}`);
    return found[0];
  };
  const isPodPeer = (peer, comp) => peer.podSelector && !peer.namespaceSelector && !peer.ipBlock
    && JSON.stringify(peer.podSelector.matchLabels) === JSON.stringify(selectorOf(comp));
  const metricsPeers = (values.networkPolicy.metricsFrom || []).map((p) => JSON.stringify(p));
  const clients = values.networkPolicy.internalClients.map((c) => (c === 'durableObject' ? 'durable-object' : c));

  for (const comp of INTERNAL) {
    const np = policyOf(comp);
    if (!np) continue;
    const httpPort = port(container(workload(docs, comp)), 'http');
    const rules = admitted(np, httpPort);
    if (!rules.length) problems.push(`${comp}: nothing may reach port ${httpPort}`);
    for (const rule of rules) {
      if (!rule.from || rule.from.length === 0) { problems.push(`${comp}: a rule opens port ${httpPort} to everyone`); continue; }
      for (const peer of rule.from) {
        const ok = clients.some((cl) => isPodPeer(peer, cl))
          || (comp !== 'queue' && isPodPeer(peer, comp))
          || metricsPeers.includes(JSON.stringify(peer));
        if (!ok) problems.push(`${comp}: port ${httpPort} admits ${JSON.stringify(peer)}, which is neither an internal client (${clients}) nor a metrics scraper`);
      }
    }
    if (!rules.some((r) => (r.from || []).some((p) => isPodPeer(p, 'gateway')))) problems.push(`${comp}: the gateway cannot reach port ${httpPort}`);
  }
  const gw = policyOf('gateway');
  if (gw) {
    const gwc = container(workload(docs, 'gateway'));
    for (const p of [port(gwc, 'http'), port(gwc, 'workers')]) {
      if (!admitted(gw, p).length) problems.push(`gateway: port ${p} is not reachable`);
    }
    if (!admitted(gw, port(gwc, 'http')).some((r) => !r.from || r.from.some((peer) => isPodPeer(peer, 'queue')))) {
      problems.push('gateway: queue-service cannot deliver to the gateway');
    }
  }
  const r2 = policyOf('r2');
  if (r2) {
    const rules = admitted(r2, port(container(workload(docs, 'r2')), 'http'));
    if (!rules.some((r) => (r.from || []).some((p) => isPodPeer(p, 'gateway')))) problems.push('r2: the gateway cannot reach it');
    const publicFrom = values.networkPolicy.publicFrom || [];
    const publicRule = rules.find((r) => (publicFrom.length === 0 ? !r.from : JSON.stringify(r.from) === JSON.stringify(publicFrom)));
    if (values.r2.s3Api.public && !publicRule) problems.push('r2: the S3 API is not open to networkPolicy.publicFrom');
  }
  return problems;
}

function selectors(docs) {
  const problems = [];
  const ws = workloads(docs);
  for (const w of ws) {
    if (!matches(w.spec.selector.matchLabels, podLabels(w))) problems.push(`${id(w)}: selector does not match its pod labels`);
  }
  for (const svc of docs.filter((d) => d.kind === 'Service')) {
    const targets = ws.filter((w) => matches(svc.spec.selector, podLabels(w)));
    if (targets.length !== 1) { problems.push(`${id(svc)} selects ${targets.length} workloads`); continue; }
    const c = container(targets[0]);
    for (const p of svc.spec.ports) {
      if (typeof p.targetPort === 'string' ? !(c.ports || []).some((cp) => cp.name === p.targetPort) : !(c.ports || []).some((cp) => cp.containerPort === p.targetPort)) {
        problems.push(`${id(svc)}: targetPort ${p.targetPort} is not a port of ${id(targets[0])}`);
      }
    }
  }
  for (const pdb of docs.filter((d) => d.kind === 'PodDisruptionBudget')) {
    const n = ws.filter((w) => matches(pdb.spec.selector.matchLabels, podLabels(w))).length;
    if (n !== 1) problems.push(`${id(pdb)} selects ${n} workloads`);
  }
  for (const ing of docs.filter((d) => d.kind === 'Ingress')) {
    for (const rule of ing.spec.rules) {
      for (const p of rule.http.paths) {
        const svc = docs.find((d) => d.kind === 'Service' && d.metadata.name === p.backend.service.name);
        if (!svc) problems.push(`${id(ing)}: backend Service ${p.backend.service.name} is not rendered`);
        else if (!svc.spec.ports.some((sp) => sp.port === p.backend.service.port.number)) problems.push(`${id(ing)}: ${svc.metadata.name} has no port ${p.backend.service.port.number}`);
      }
    }
  }
  for (const hpa of docs.filter((d) => d.kind === 'HorizontalPodAutoscaler')) {
    const t = hpa.spec.scaleTargetRef;
    const w = ws.find((x) => x.kind === t.kind && x.metadata.name === t.name);
    if (!w) problems.push(`${id(hpa)}: target ${t.kind}/${t.name} is not rendered`);
    else if (w.spec.replicas !== undefined) problems.push(`${id(w)} sets replicas although an HPA scales it`);
  }
  return problems;
}

// Paths where two renders differ.
function diff(a, b, at = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => diff(a[k], b[k], `${at}/${k}`));
  }
  return [`${at}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`];
}

// ---- main ------------------------------------------------------------------------------------------

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const h = new Harness('helm-chart');
  const rendered = {};
  let manifests = 0;

  h.section(`helm lint --strict (${path.relative(process.cwd(), CHART) || CHART})`);
  for (const set of VALUE_SETS) {
    h.check(`lint with ${set.name} values: ${set.why}`, () => {
      const r = helm(['lint', '--strict', CHART, ...valuesArgs(set.files)]);
      assert(r.status === 0 && !/\[(WARNING|ERROR)\]/.test(r.stdout), `${r.stdout}${r.stderr}`.trim());
    });
  }

  h.section('helm template');
  for (const set of VALUE_SETS) {
    h.check(`render ${set.name} values`, () => {
      const r = render(set.files);
      assert(r.status === 0, r.stderr.trim());
      fs.writeFileSync(path.join(OUT, `${set.name}.yaml`), r.stdout);
      rendered[set.name] = parseDocs(r.stdout, set.name);
      assert(rendered[set.name].length > 0, 'nothing rendered');
    });
  }

  h.section('Kubernetes schemas (kubernetes-models + unknown-field check)');
  for (const set of VALUE_SETS) {
    const docs = rendered[set.name];
    if (!docs) continue;
    h.check(`${set.name}: ${docs.length} manifests (${[...new Set(docs.map((d) => d.kind))].sort().join(', ')})`, () => {
      manifests += docs.length;
      return docs.flatMap((d) => k8s.validate(d).map((e) => `${d.kind}/${d.metadata && d.metadata.name} (${d.__source}): ${e}`));
    });
  }

  h.section('Rendered manifests');
  for (const set of VALUE_SETS) {
    const docs = rendered[set.name];
    if (!docs) continue;
    const values = mergedValues(set.files);
    const t = (title, fn) => h.check(`${set.name}: ${title}`, () => fn(docs, values));
    t('kv StatefulSet: JGroups DNS_PING queries its headless Service, on the pod IP and the JGroups port', kvDiscovery);
    t('d1: the gateway and every shard have the same shard list, one entry per StatefulSet pod', (d) => {
      assertEqual(shardLists(d, 'd1'), values.d1.shards, 'd1 StatefulSet replicas vs d1.shards');
    });
    t('durable-object: the gateway and every shard have the same shard list, one entry per pod', (d) => {
      assertEqual(shardLists(d, 'durable-object'), values.durableObject.shards, 'durable-object StatefulSet replicas vs durableObject.shards');
    });
    t('durable-object: the bindings of objects reach the gateway, kv, r2, queue and the D1 shards', durableObjectBindings);
    t('kv, d1, durable-object keep their data on a volume per pod (or an emptyDir without persistence)', dataVolumes);
    t('every service: probes on /q/health/started|live|ready of its HTTP port, Prometheus annotations, non-root', probes);
    t('credentials come from secretKeyRef only; no Secret is rendered; no URL carries credentials', secrets);
    t('NetworkPolicies: internal ports only from the gateway (and peers), queue -> gateway, public APIs open', networkPolicies);
    t('selectors, Service target ports, PDBs, Ingress backends and the HPA target all resolve', selectors);
  }

  h.section('Values that matter');
  h.check('production: 2 gateways, 3 kv members, 3 D1 shards, 3 Durable Object shards', () => {
    const docs = rendered.production;
    assert(docs, 'production did not render');
    assertEqual(['gateway', 'kv', 'd1', 'durable-object'].map((c) => workload(docs, c).spec.replicas), [2, 3, 3, 3], 'replicas of gateway, kv, d1, durable-object');
  });
  h.check('scaling kv from 3 to 5 changes one value and only the kv StatefulSet replicas', () => {
    const r = render(['values-production.yaml'], ['--set', 'kv.replicas=5']);
    assert(r.status === 0, r.stderr.trim());
    const before = rendered.production;
    const after = parseDocs(r.stdout, 'kv=5');
    assertEqual(after.map(id), before.map(id), 'rendered objects');
    const changes = before.flatMap((d, i) => diff(d, after[i]).map((c) => `${id(d)}${c}`));
    assertEqual(changes, ['StatefulSet/outpost-kv/spec/replicas: 3 -> 5'], 'differences');
  });
  h.check('missing external services fail helm template, naming every missing value', () => {
    const r = helm(['template', RELEASE, CHART]);
    assert(r.status !== 0, 'helm template succeeded without any external service');
    const wanted = ['Outpost needs these values', 'externalPostgresql.url', 'externalPostgresql.existingSecret', 'externalKafka.bootstrapServers',
      'externalS3.endpoint', 'externalS3.existingSecret', 'r2.auth.existingSecret'];
    return wanted.filter((w) => !r.stderr.includes(w)).map((w) => `message lacks "${w}":\n${r.stderr.trim()}`);
  });
  h.check('one missing value (Kafka) is named alone', () => {
    const r = render(['ci/externals-values.yaml'], ['--set', 'externalKafka.bootstrapServers=']);
    assert(r.status !== 0, 'helm template succeeded without externalKafka.bootstrapServers');
    assert(/- externalKafka\.bootstrapServers: /.test(r.stderr), `message does not name externalKafka.bootstrapServers:\n${r.stderr}`);
    assert(!/externalS3|externalPostgresql|r2\.auth/.test(r.stderr), `message names values that are set:\n${r.stderr}`);
  });
  h.check('credentials in the PostgreSQL URL are refused', () => {
    const r = render(['ci/externals-values.yaml'], ['--set', 'externalPostgresql.url=postgresql://outpost:hunter2@db:5432/outpost']);
    assert(r.status !== 0 && /Secret/.test(r.stderr), `expected a failure pointing at the Secret, got: ${r.stderr || 'success'}`);
  });
  h.check('a misspelt value is rejected by values.schema.json', () => {
    const r = render(['ci/externals-values.yaml'], ['--set', 'kv.replica=5']);
    assert(r.status !== 0 && /replica/.test(r.stderr), `expected a schema error, got: ${r.stderr || 'success'}`);
  });

  h.finish(`${VALUE_SETS.length} value sets rendered, ${manifests} manifests validated`);
}

main();

{{/*
Environment of each service: the only place where chart values become service configuration.
Variable names come from .Values.configKeys (see values.yaml); values come from the service's
section and the external-services sections. Secrets are always referenced, never copied.
*/}}

{{/* Every service: HTTP port, tracing, JVM options. */}}
{{- define "outpost.env.common" -}}
{{- $k := .root.Values.configKeys.common -}}
{{- $v := index .root.Values .key -}}
{{ include "outpost.plainEnv" (dict "name" $k.httpPort "value" $v.service.port) }}
{{- if .root.Values.otel.endpoint }}
{{ include "outpost.plainEnv" (dict "name" $k.otlpEndpoint "value" .root.Values.otel.endpoint) }}
{{- end }}
{{- if $v.javaOptions }}
{{ include "outpost.plainEnv" (dict "name" $k.javaOptions "value" $v.javaOptions) }}
{{- end }}
{{- end -}}

{{/* The operator's own additions, last so that they win over the chart's. */}}
{{- define "outpost.env.extra" -}}
{{- $v := index .root.Values .key -}}
{{- range $name := keys $v.env | sortAlpha }}
{{ include "outpost.plainEnv" (dict "name" $name "value" (index $v.env $name)) }}
{{- end }}
{{- with $v.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "outpost.env.gateway" -}}
{{- $root := .root -}}
{{- $k := $root.Values.configKeys.gateway -}}
{{- $v := $root.Values.gateway -}}
{{- $pg := $root.Values.externalPostgresql -}}
{{ include "outpost.plainEnv" (dict "name" $k.workerPort "value" $v.service.workerPort) }}
{{ include "outpost.secretEnv" (dict "name" $k.dbUsername "secret" $pg.existingSecret "secretKey" $pg.usernameKey) }}
{{ include "outpost.secretEnv" (dict "name" $k.dbPassword "secret" $pg.existingSecret "secretKey" $pg.passwordKey) }}
{{ include "outpost.plainEnv" (dict "name" $k.dbReactiveUrl "value" $pg.url) }}
{{ include "outpost.plainEnv" (dict "name" $k.dbJdbcUrl "value" (printf "jdbc:%s" $pg.url)) }}
{{- range $key := list "kv" "r2" "d1" "durableObject" "queue" }}
{{ include "outpost.plainEnv" (dict "name" (index $k (printf "%sHost" $key)) "value" (include "outpost.serviceFqdn" (dict "root" $root "name" (include "outpost.resourceName" (dict "root" $root "key" $key))))) }}
{{ include "outpost.plainEnv" (dict "name" (index $k (printf "%sPort" $key)) "value" (index $root.Values $key).service.port) }}
{{- end }}
{{ include "outpost.plainEnv" (dict "name" $k.d1Shards "value" (include "outpost.shardList" (dict "root" $root "key" "d1"))) }}
{{ include "outpost.plainEnv" (dict "name" $k.durableObjectShards "value" (include "outpost.shardList" (dict "root" $root "key" "durableObject"))) }}
{{- if $v.bootstrap.accountId }}
{{ include "outpost.plainEnv" (dict "name" $k.bootstrapAccountId "value" $v.bootstrap.accountId) }}
{{- end }}
{{- if $v.bootstrap.existingSecret }}
{{ include "outpost.secretEnv" (dict "name" $k.bootstrapToken "secret" $v.bootstrap.existingSecret "secretKey" $v.bootstrap.tokenKey) }}
{{- end }}
{{- end -}}

{{- define "outpost.env.kv" -}}
{{- $root := .root -}}
{{- $k := $root.Values.configKeys.kv -}}
{{- $v := $root.Values.kv -}}
{{ include "outpost.plainEnv" (dict "name" $k.dataDir "value" "/var/lib/outpost/kv") }}
{{ include "outpost.plainEnv" (dict "name" $k.clusterEnabled "value" $v.cluster.enabled) }}
{{- if $v.cluster.enabled }}
- name: {{ $k.clusterBindAddress }}
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
{{ include "outpost.plainEnv" (dict "name" $k.clusterBindPort "value" $v.cluster.bindPort) }}
{{ include "outpost.plainEnv" (dict "name" $k.clusterDnsQuery "value" (include "outpost.serviceFqdn" (dict "root" $root "name" (include "outpost.headlessName" .)))) }}
{{- end }}
{{- if $v.auth.existingSecret }}
{{ include "outpost.secretEnv" (dict "name" $k.apiToken "secret" $v.auth.existingSecret "secretKey" $v.auth.apiTokenKey) }}
{{- end }}
{{- end -}}

{{- define "outpost.env.r2" -}}
{{- $root := .root -}}
{{- $k := $root.Values.configKeys.r2 -}}
{{- $v := $root.Values.r2 -}}
{{- $s3 := $root.Values.externalS3 -}}
{{ include "outpost.plainEnv" (dict "name" $k.s3Endpoint "value" $s3.endpoint) }}
{{ include "outpost.plainEnv" (dict "name" $k.s3Region "value" $s3.region) }}
{{ include "outpost.secretEnv" (dict "name" $k.s3AccessKey "secret" $s3.existingSecret "secretKey" $s3.accessKeyKey) }}
{{ include "outpost.secretEnv" (dict "name" $k.s3SecretKey "secret" $s3.existingSecret "secretKey" $s3.secretKeyKey) }}
{{ include "outpost.secretEnv" (dict "name" $k.s3ApiAccessKeyId "secret" $v.auth.existingSecret "secretKey" $v.auth.accessKeyIdKey) }}
{{ include "outpost.secretEnv" (dict "name" $k.s3ApiSecretAccessKey "secret" $v.auth.existingSecret "secretKey" $v.auth.secretAccessKeyKey) }}
{{ include "outpost.secretEnv" (dict "name" $k.apiToken "secret" $v.auth.existingSecret "secretKey" $v.auth.apiTokenKey) }}
{{- if $v.s3Api.accountId }}
{{ include "outpost.plainEnv" (dict "name" $k.s3ApiAccountId "value" $v.s3Api.accountId) }}
{{- end }}
{{- if $v.s3Api.virtualHostSuffix }}
{{ include "outpost.plainEnv" (dict "name" $k.s3ApiVirtualHostSuffix "value" $v.s3Api.virtualHostSuffix) }}
{{- end }}
{{- end -}}

{{/* d1 and durableObject: data directory, the shared shard list, and this pod's index in it. */}}
{{- define "outpost.env.shard" -}}
{{- $k := index .root.Values.configKeys .key -}}
{{ include "outpost.plainEnv" (dict "name" $k.dataDir "value" (printf "/var/lib/outpost/%s" (include "outpost.componentName" .key))) }}
{{ include "outpost.plainEnv" (dict "name" $k.shards "value" (include "outpost.shardList" .)) }}
- name: {{ $k.shardIndex }}
  valueFrom:
    fieldRef:
      # The StatefulSet ordinal: pod <name>-2 has index 2 and is the third entry of the shard list.
      fieldPath: metadata.labels['apps.kubernetes.io/pod-index']
{{- end -}}

{{- define "outpost.env.d1" -}}
{{ include "outpost.env.shard" . }}
{{- $v := .root.Values.d1 -}}
{{- if $v.auth.existingSecret }}
{{ include "outpost.secretEnv" (dict "name" .root.Values.configKeys.d1.apiToken "secret" $v.auth.existingSecret "secretKey" $v.auth.apiTokenKey) }}
{{- end }}
{{- end -}}

{{- define "outpost.env.durableObject" -}}
{{ include "outpost.env.shard" . }}
{{- $root := .root -}}
{{- $k := $root.Values.configKeys.durableObject -}}
{{- range $key := list "gateway" "kv" "r2" "queue" }}
{{ include "outpost.plainEnv" (dict "name" (index $k (printf "%sHost" $key)) "value" (include "outpost.serviceFqdn" (dict "root" $root "name" (include "outpost.resourceName" (dict "root" $root "key" $key))))) }}
{{ include "outpost.plainEnv" (dict "name" (index $k (printf "%sPort" $key)) "value" (index $root.Values $key).service.port) }}
{{- end }}
{{ include "outpost.plainEnv" (dict "name" $k.d1Shards "value" (include "outpost.shardList" (dict "root" $root "key" "d1"))) }}
{{- end -}}

{{- define "outpost.env.queue" -}}
{{- $root := .root -}}
{{- $k := $root.Values.configKeys.queue -}}
{{ include "outpost.plainEnv" (dict "name" $k.kafkaBootstrapServers "value" $root.Values.externalKafka.bootstrapServers) }}
{{ include "outpost.plainEnv" (dict "name" $k.gatewayHost "value" (include "outpost.serviceFqdn" (dict "root" $root "name" (include "outpost.resourceName" (dict "root" $root "key" "gateway"))))) }}
{{ include "outpost.plainEnv" (dict "name" $k.gatewayPort "value" $root.Values.gateway.service.port) }}
{{- end -}}

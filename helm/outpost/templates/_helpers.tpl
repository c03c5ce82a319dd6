{{/*
Names, labels and small shared pieces. A "component" is one service; its values section key
(gateway, kv, r2, d1, durableObject, queue) maps to its name in resource names and labels.
*/}}

{{- define "outpost.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 36 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 36 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 36 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Component name of a values key: durableObject -> durable-object. */}}
{{- define "outpost.componentName" -}}
{{- if eq . "durableObject" }}durable-object{{ else }}{{ . }}{{ end -}}
{{- end -}}

{{/* Resource name of a component: (dict "root" $ "key" "kv") -> <fullname>-kv */}}
{{- define "outpost.resourceName" -}}
{{- printf "%s-%s" (include "outpost.fullname" .root) (include "outpost.componentName" .key) -}}
{{- end -}}

{{/* The headless Service that gives each pod of a StatefulSet a stable DNS name. */}}
{{- define "outpost.headlessName" -}}
{{- printf "%s-headless" (include "outpost.resourceName" .) -}}
{{- end -}}

{{- define "outpost.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "outpost.selectorLabels" -}}
app.kubernetes.io/name: {{ default .root.Chart.Name .root.Values.nameOverride | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ include "outpost.componentName" .key }}
{{- end -}}

{{- define "outpost.labels" -}}
helm.sh/chart: {{ include "outpost.chart" .root }}
{{ include "outpost.selectorLabels" . }}
app.kubernetes.io/part-of: outpost
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{- define "outpost.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "outpost.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "outpost.image" -}}
{{- $v := index .root.Values .key -}}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.image.tag) $v.image.tag -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) $v.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $v.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Fully qualified name of a Service in this namespace. */}}
{{- define "outpost.serviceFqdn" -}}
{{- printf "%s.%s.svc.%s" .name .root.Release.Namespace .root.Values.clusterDomain -}}
{{- end -}}

{{/*
Shard count of a sharded component (d1, durableObject). Every consumer of the count goes through
this helper, so the StatefulSet, the shards' own lists and the gateway cannot disagree.
*/}}
{{- define "outpost.shardCount" -}}
{{- int (index .root.Values .key).shards -}}
{{- end -}}

{{/*
The shard list host:port,host:port,... in shard-index order: the stable DNS name of each
StatefulSet pod behind the headless Service.
*/}}
{{- define "outpost.shardList" -}}
{{- $sts := include "outpost.resourceName" . -}}
{{- $svc := include "outpost.serviceFqdn" (dict "root" .root "name" (include "outpost.headlessName" .)) -}}
{{- $port := int (index .root.Values .key).service.port -}}
{{- $out := list -}}
{{- range $i := until (int (include "outpost.shardCount" .)) -}}
{{- $out = append $out (printf "%s-%d.%s:%d" $sts $i $svc $port) -}}
{{- end -}}
{{- join "," $out -}}
{{- end -}}

{{/* An env entry whose value comes from a Secret key. */}}
{{- define "outpost.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .secretKey }}
{{- end -}}

{{/* An env entry with a plain value (always quoted). */}}
{{- define "outpost.plainEnv" -}}
- name: {{ .name }}
  value: {{ .value | toString | quote }}
{{- end -}}

{{/*
The pod template every service shares: one container serving REST + gRPC + health + metrics on
its HTTP port, probes on Quarkus' health endpoints, Prometheus annotations, security contexts and
scheduling from the service's values section.
Parameters: root, key (values section), extraPorts (list of {name, port}), data (mount a "data"
volume at /var/lib/outpost/<component>).
*/}}
{{- define "outpost.podTemplate" -}}
{{- $root := .root -}}
{{- $v := index $root.Values .key -}}
{{- $name := include "outpost.componentName" .key -}}
{{- $sel := dict "root" $root "key" .key -}}
{{- $annotations := dict -}}
{{- if $root.Values.metrics.podAnnotations -}}
{{- $_ := set $annotations "prometheus.io/scrape" "true" -}}
{{- $_ := set $annotations "prometheus.io/port" (toString $v.service.port) -}}
{{- $_ := set $annotations "prometheus.io/path" "/q/metrics" -}}
{{- end -}}
{{- $annotations = merge (deepCopy (default dict $v.podAnnotations)) $annotations -}}
metadata:
  labels:
    {{- include "outpost.labels" $sel | nindent 4 }}
    {{- with $v.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ include "outpost.serviceAccountName" $root }}
  automountServiceAccountToken: {{ $root.Values.serviceAccount.automountServiceAccountToken }}
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $root.Values.podSecurityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
  containers:
    - name: {{ $name }}
      image: {{ include "outpost.image" $sel | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      {{- with $root.Values.securityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      ports:
        - name: http
          containerPort: {{ $v.service.port }}
          protocol: TCP
        {{- range .extraPorts }}
        - name: {{ .name }}
          containerPort: {{ .port }}
          protocol: TCP
        {{- end }}
      env:
        {{- include "outpost.env.common" $sel | nindent 8 }}
        {{- include (printf "outpost.env.%s" .key) $sel | nindent 8 }}
        {{- with include "outpost.env.extra" $sel | trim }}
        {{- . | nindent 8 }}
        {{- end }}
      startupProbe:
        httpGet:
          path: /q/health/started
          port: http
        {{- toYaml $root.Values.probes.startup | nindent 8 }}
      livenessProbe:
        httpGet:
          path: /q/health/live
          port: http
        {{- toYaml $root.Values.probes.liveness | nindent 8 }}
      readinessProbe:
        httpGet:
          path: /q/health/ready
          port: http
        {{- toYaml $root.Values.probes.readiness | nindent 8 }}
      {{- with $v.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      volumeMounts:
        # The root filesystem is read-only; the JVM, Quarkus and Javet (V8) write temporary files here.
        - name: tmp
          mountPath: /tmp
        {{- if .data }}
        - name: data
          mountPath: /var/lib/outpost/{{ $name }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir: {}
    {{- if and .data (not $v.persistence.enabled) }}
    - name: data
      emptyDir: {}
    {{- end }}
  {{- with $v.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if $v.affinity }}
  affinity:
    {{- toYaml $v.affinity | nindent 4 }}
  {{- else if eq $v.podAntiAffinity "soft" }}
  affinity:
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          podAffinityTerm:
            topologyKey: kubernetes.io/hostname
            labelSelector:
              matchLabels:
                {{- include "outpost.selectorLabels" $sel | nindent 16 }}
  {{- else if eq $v.podAntiAffinity "hard" }}
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "outpost.selectorLabels" $sel | nindent 14 }}
  {{- end }}
{{- end -}}

{{/* volumeClaimTemplates of a StatefulSet with persistence: one volume per pod. */}}
{{- define "outpost.volumeClaimTemplates" -}}
{{- $v := index .root.Values .key -}}
{{- if $v.persistence.enabled -}}
volumeClaimTemplates:
  - metadata:
      name: data
      labels:
        {{- include "outpost.selectorLabels" . | nindent 8 }}
      {{- with $v.persistence.annotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      accessModes:
        {{- toYaml $v.persistence.accessModes | nindent 8 }}
      {{- if $v.persistence.storageClass }}
      storageClassName: {{ if eq $v.persistence.storageClass "-" }}""{{ else }}{{ $v.persistence.storageClass | quote }}{{ end }}
      {{- end }}
      resources:
        requests:
          storage: {{ $v.persistence.size | quote }}
{{- end }}
{{- end -}}

{{/* A ClusterIP-or-other Service in front of all pods of a component. */}}
{{- define "outpost.service" -}}
{{- $v := index .root.Values .key -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "outpost.resourceName" . }}
  labels:
    {{- include "outpost.labels" . | nindent 4 }}
  {{- with $v.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $v.service.type }}
  selector:
    {{- include "outpost.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $v.service.port }}
      targetPort: http
      protocol: TCP
    {{- range .extraPorts }}
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
      protocol: TCP
    {{- end }}
{{- end -}}

{{/*
The headless Service of a StatefulSet: a stable DNS name per pod (<sts>-N.<this>), and for kv the
DNS records JGroups DNS_PING discovers peers by. Not-ready pods are published so that members
find each other while they start (kv) and a shard's name always resolves (d1, durable-object).
*/}}
{{- define "outpost.headlessService" -}}
{{- $v := index .root.Values .key -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "outpost.headlessName" . }}
  labels:
    {{- include "outpost.labels" . | nindent 4 }}
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector:
    {{- include "outpost.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $v.service.port }}
      targetPort: http
      protocol: TCP
    {{- range .extraPorts }}
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
      protocol: TCP
    {{- end }}
{{- end -}}

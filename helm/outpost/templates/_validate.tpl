{{/*
Checks the values before anything renders. Every missing required value is reported at once, with
what it is for, so that a first install fails with one readable message instead of crash-looping
pods.
*/}}
{{- define "outpost.validateValues" -}}
{{- $v := .Values -}}
{{- $missing := list -}}
{{- if not $v.externalPostgresql.url -}}
{{- $missing = append $missing "externalPostgresql.url: the gateway's control-plane database, postgresql://HOST:PORT/DATABASE" -}}
{{- end -}}
{{- if not $v.externalPostgresql.existingSecret -}}
{{- $missing = append $missing (printf "externalPostgresql.existingSecret: a Secret with the database user (key %q) and password (key %q)" $v.externalPostgresql.usernameKey $v.externalPostgresql.passwordKey) -}}
{{- end -}}
{{- if not $v.externalKafka.bootstrapServers -}}
{{- $missing = append $missing "externalKafka.bootstrapServers: the Kafka cluster of queue-service, HOST:PORT[,HOST:PORT...]" -}}
{{- end -}}
{{- if not $v.externalS3.endpoint -}}
{{- $missing = append $missing "externalS3.endpoint: the S3-compatible server (MinIO) that stores R2 objects, e.g. http://minio.minio.svc:9000" -}}
{{- end -}}
{{- if not $v.externalS3.existingSecret -}}
{{- $missing = append $missing (printf "externalS3.existingSecret: a Secret with the S3 access key (key %q) and secret key (key %q)" $v.externalS3.accessKeyKey $v.externalS3.secretKeyKey) -}}
{{- end -}}
{{- if not $v.r2.auth.existingSecret -}}
{{- $missing = append $missing (printf "r2.auth.existingSecret: a Secret with the credentials of Outpost's S3 API (keys %q, %q) and the R2 REST token (key %q)" $v.r2.auth.accessKeyIdKey $v.r2.auth.secretAccessKeyKey $v.r2.auth.apiTokenKey) -}}
{{- end -}}
{{- if $missing -}}
{{- fail (printf "\n\nOutpost needs these values (see the chart's README.md, \"External services\"):\n  - %s\n" (join "\n  - " $missing)) -}}
{{- end -}}
{{- $bad := list -}}
{{- if not (regexMatch "^postgresql://[^/]+/[^/?]+" $v.externalPostgresql.url) -}}
{{- $bad = append $bad (printf "externalPostgresql.url must look like postgresql://HOST:PORT/DATABASE[?params], got %q" $v.externalPostgresql.url) -}}
{{- end -}}
{{- if regexMatch "^postgresql://[^/]*@" $v.externalPostgresql.url -}}
{{- $bad = append $bad "externalPostgresql.url must not carry a user or password: put them in the Secret named by externalPostgresql.existingSecret" -}}
{{- end -}}
{{- if not (regexMatch "^https?://" $v.externalS3.endpoint) -}}
{{- $bad = append $bad (printf "externalS3.endpoint must start with http:// or https://, got %q" $v.externalS3.endpoint) -}}
{{- end -}}
{{- range $key := list "d1" "durableObject" -}}
{{- if lt (int (index $v $key).shards) 1 -}}
{{- $bad = append $bad (printf "%s.shards must be at least 1" $key) -}}
{{- end -}}
{{- end -}}
{{- range $key := list "gateway" "kv" "r2" "queue" -}}
{{- if lt (int (index $v $key).replicas) 1 -}}
{{- $bad = append $bad (printf "%s.replicas must be at least 1" $key) -}}
{{- end -}}
{{- end -}}
{{- if and (gt (int $v.kv.replicas) 1) (not $v.kv.cluster.enabled) -}}
{{- $bad = append $bad "kv.replicas > 1 needs kv.cluster.enabled: without the cluster every pod would keep its own, different data" -}}
{{- end -}}
{{- if $bad -}}
{{- fail (printf "\n\nInvalid Outpost values:\n  - %s\n" (join "\n  - " $bad)) -}}
{{- end -}}
{{- end -}}

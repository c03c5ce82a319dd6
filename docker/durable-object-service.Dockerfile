# durable-object-service: Durable Objects with per-object SQLite storage (gRPC on 8084)
# JVM mode, the Quarkus fast-jar layout, run as a non-root user (uid 10001, gid 0).
#
# Build from the repository root after packaging the module:
#   mvn -B package -pl durable-object-service -am -DskipTests
#   docker build -f docker/durable-object-service.Dockerfile -t outpost/durable-object-service:dev .
# The base image is a build argument: --build-arg BASE_IMAGE=<any JRE 17+ image with /bin/sh>.
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="outpost-durable-object-service" \
      org.opencontainers.image.description="Outpost durable-object-service: Durable Objects with per-object SQLite storage (gRPC on 8084)"

ENV LANG=C.UTF-8 \
    TZ=UTC \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -Djava.net.preferIPv4Stack=true -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND=""
# Where the service keeps its data; a volume (Docker) or a PersistentVolumeClaim (Kubernetes).
ENV OUTPOST_DURABLEOBJECT_DATA_DIR=/var/lib/outpost/durable-object

# Quarkus fast-jar: dependencies first (they change least), the application last.
COPY docker/rootfs/ /
COPY durable-object-service/target/quarkus-app/lib/ /deployments/lib/
COPY durable-object-service/target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar
COPY durable-object-service/target/quarkus-app/app/ /deployments/app/
COPY durable-object-service/target/quarkus-app/quarkus/ /deployments/quarkus/

# The application stays owned by root (read-only for the service); only /var/lib/outpost is
# writable, also by an arbitrary uid in group 0 (OpenShift). Some base images end as a non-root
# user (UBI's OpenJDK images: 185); creating the directory needs root.
USER 0
RUN mkdir -p /var/lib/outpost /var/lib/outpost/durable-object \
    && chown -R 10001:0 /var/lib/outpost \
    && chmod -R g=u /var/lib/outpost
VOLUME ["/var/lib/outpost/durable-object"]
WORKDIR /var/lib/outpost
USER 10001:0

EXPOSE 8084
# The port follows the overrides Quarkus honours: QUARKUS_HTTP_PORT, then OUTPOST_DURABLE_OBJECT_PORT.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD /opt/outpost/bin/healthcheck "${QUARKUS_HTTP_PORT:-${OUTPOST_DURABLE_OBJECT_PORT:-8084}}" ready
ENTRYPOINT ["/opt/outpost/bin/run"]

-- Cron trigger runs (CRON-3). A row claims one (worker, expression, minute) for one replica: it is inserted with
-- ON CONFLICT DO NOTHING before the handler runs, so with several gateway replicas exactly one runs it. The outcome
-- is filled in when the run ends (NULL while it runs). Rows older than outpost.gateway.cron.history are deleted.
CREATE TABLE cron_runs (
    worker_id      UUID NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
    cron           VARCHAR(255) NOT NULL,
    scheduled_time TIMESTAMPTZ NOT NULL,
    version_id     UUID NOT NULL,
    replica        VARCHAR(255) NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 1,
    outcome        VARCHAR(32),
    error          TEXT,
    started_on     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_on    TIMESTAMPTZ,
    PRIMARY KEY (worker_id, cron, scheduled_time)
);
CREATE INDEX cron_runs_by_time ON cron_runs (scheduled_time);

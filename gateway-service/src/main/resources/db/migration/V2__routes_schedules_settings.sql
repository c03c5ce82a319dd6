-- Routes, cron schedules, workers.dev switches and script settings (API-5); token bookkeeping.

-- The account's workers.dev subdomain (GET/PUT /accounts/{a}/workers/subdomain).
ALTER TABLE accounts ADD COLUMN workers_subdomain VARCHAR(63);

-- workers_dev: whether <worker>.<anything> host routing reaches the worker (POST .../subdomain {enabled}).
ALTER TABLE workers ADD COLUMN workers_dev BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE workers ADD COLUMN previews_enabled BOOLEAN NOT NULL DEFAULT FALSE;
-- PATCH .../script-settings: logpush, tail_consumers, observability, tags (JSON object).
ALTER TABLE workers ADD COLUMN script_settings TEXT NOT NULL DEFAULT '{}';

-- A route pattern (host[/path], '*' at the host's start and the path's end) sends matching traffic to a
-- worker; without a worker it is an exclusion (nothing runs). A pattern belongs to one account. zone_name is
-- the pattern's host without its leading wildcard (Outpost has no DNS: every host name is a zone).
CREATE TABLE worker_routes (
    id          UUID PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    zone_name   VARCHAR(255) NOT NULL,
    pattern     VARCHAR(1024) NOT NULL UNIQUE,
    worker_id   UUID REFERENCES workers(id) ON DELETE CASCADE,
    created_on  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX worker_routes_by_account ON worker_routes (account_id);
CREATE INDEX worker_routes_by_worker ON worker_routes (worker_id);

-- Cron triggers of a worker (the runner that fires them is a separate component).
CREATE TABLE worker_schedules (
    worker_id   UUID NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
    cron        VARCHAR(255) NOT NULL,
    created_on  TIMESTAMPTZ NOT NULL DEFAULT now(),
    modified_on TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (worker_id, cron)
);

ALTER TABLE api_tokens ADD COLUMN modified_on TIMESTAMPTZ NOT NULL DEFAULT now();

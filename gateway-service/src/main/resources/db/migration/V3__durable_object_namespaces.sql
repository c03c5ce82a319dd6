-- Durable Object namespaces (DO-1, DO-2, API-9): one per class a script's migrations created. The worker's
-- migration_tag is the tag of the last migration applied to it (wrangler sends it back as old_tag).

CREATE TABLE durable_object_namespaces (
    id          UUID PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    worker_id   UUID NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
    class_name  VARCHAR(255) NOT NULL,
    use_sqlite  BOOLEAN NOT NULL,
    created_on  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (worker_id, class_name)
);
CREATE INDEX durable_object_namespaces_by_account ON durable_object_namespaces (account_id);

ALTER TABLE workers ADD COLUMN migration_tag VARCHAR(255);

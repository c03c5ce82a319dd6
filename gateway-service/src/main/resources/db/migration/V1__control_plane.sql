-- Control plane: accounts, tokens, workers, immutable versions and their modules, deployments.

CREATE TABLE accounts (
    id          VARCHAR(32) PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    created_on  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is stored; scopes are "<resource>:<read|edit>" words, space separated.
CREATE TABLE api_tokens (
    id          UUID PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    token_hash  CHAR(64) NOT NULL UNIQUE,
    scopes      TEXT NOT NULL,
    expires_on  TIMESTAMPTZ,
    created_on  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE workers (
    id                  UUID PRIMARY KEY,
    account_id          VARCHAR(32) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name                VARCHAR(255) NOT NULL,
    created_on          TIMESTAMPTZ NOT NULL DEFAULT now(),
    modified_on         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, name)
);

-- A version never changes once written; a deployment points at one.
CREATE TABLE worker_versions (
    id                  UUID PRIMARY KEY,
    worker_id           UUID NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
    number              INTEGER NOT NULL,
    main_module         VARCHAR(1024) NOT NULL,
    compatibility_date  VARCHAR(10) NOT NULL,
    compatibility_flags TEXT NOT NULL DEFAULT '[]',
    bindings            TEXT NOT NULL DEFAULT '[]',
    handlers            TEXT NOT NULL DEFAULT '[]',
    etag                CHAR(64) NOT NULL,
    created_on          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (worker_id, number)
);

CREATE TABLE worker_modules (
    version_id    UUID NOT NULL REFERENCES worker_versions(id) ON DELETE CASCADE,
    name          VARCHAR(1024) NOT NULL,
    content_type  VARCHAR(255) NOT NULL,
    content       BYTEA NOT NULL,
    PRIMARY KEY (version_id, name)
);

CREATE TABLE deployments (
    id          UUID PRIMARY KEY,
    worker_id   UUID NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
    version_id  UUID NOT NULL REFERENCES worker_versions(id) ON DELETE CASCADE,
    source      VARCHAR(64) NOT NULL,
    created_on  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX deployments_by_worker ON deployments (worker_id, created_on DESC);

-- D1 export/import through the control-plane API (D1-13): the file behind each "signed URL" and the outcome of an
-- import, in PostgreSQL so that every call of the polling flow may reach another gateway replica. Rows expire after
-- an hour (D1Transfers.TTL); the random token is the credential of the download/upload URL.
CREATE TABLE d1_transfers (
    token        CHAR(32) PRIMARY KEY,
    account_id   VARCHAR(32) NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    database_id  VARCHAR(64) NOT NULL,
    kind         VARCHAR(8) NOT NULL,
    etag         VARCHAR(64),
    content      BYTEA,
    outcome      TEXT,
    created_on   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX d1_transfers_by_database ON d1_transfers (account_id, database_id, created_on DESC);

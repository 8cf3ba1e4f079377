-- The storage kernel (fr.sharenum.spi.Documents): documents by collection and key with a version,
-- and their ordered index values. Aggregates without native tables live here. Keys and index values
-- compare byte-wise (${collate} is COLLATE "C" on PostgreSQL; H2 compares like Java strings).
CREATE TABLE sn_doc (
    collection   VARCHAR(40)  NOT NULL,
    doc_key      VARCHAR(400) ${collate} NOT NULL,
    version      BIGINT       NOT NULL,
    body         TEXT         NOT NULL,
    PRIMARY KEY (collection, doc_key)
);

CREATE TABLE sn_doc_index (
    collection   VARCHAR(40)  NOT NULL,
    index_name   VARCHAR(40)  NOT NULL,
    index_value  VARCHAR(400) ${collate} NOT NULL,
    doc_key      VARCHAR(400) ${collate} NOT NULL,
    PRIMARY KEY (collection, index_name, index_value, doc_key)
);
CREATE INDEX sn_doc_index_key ON sn_doc_index (collection, doc_key);

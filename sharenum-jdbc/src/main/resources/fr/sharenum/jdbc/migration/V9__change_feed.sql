-- The change feed: every change derived state depends on, numbered in commit order. Writers take the one
-- row of sn_change_head (UPDATE … seq = seq + n) late in their transaction: its lock orders them, so a number
-- becomes visible only after every smaller one. Readers follow by number; old rows are pruned.
CREATE TABLE sn_change_head (
    id           INT          PRIMARY KEY,
    seq          BIGINT       NOT NULL
);
INSERT INTO sn_change_head (id, seq) VALUES (1, 0);

CREATE TABLE sn_change (
    seq          BIGINT       PRIMARY KEY,
    at           BIGINT       NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    change_key   VARCHAR(400) NOT NULL,
    before_facts TEXT,
    after_facts  TEXT
);

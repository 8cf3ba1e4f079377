-- The browsable trainings catalogue (issue 16): published trainings by académie, period, tools and themes. A
-- training's académie is stored by its name (NULL: a national training); its tools ("t:<id>") and themes
-- ("h:<slug>") in sn_training_topic. Rows stored before this version are indexed by JdbcStore when it starts
-- (search_indexed = FALSE until then; a search reads them and filters them on their document meanwhile).

ALTER TABLE sn_training ADD COLUMN academie VARCHAR(64);
ALTER TABLE sn_training ADD COLUMN search_indexed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX sn_training_academie ON sn_training (academie, start_at);
CREATE INDEX sn_training_unindexed ON sn_training (search_indexed);

CREATE TABLE sn_training_topic (
    training     VARCHAR(128) NOT NULL,
    topic        VARCHAR(130) NOT NULL,
    PRIMARY KEY (training, topic)
);
CREATE INDEX sn_training_topic_topic ON sn_training_topic (topic, training);

-- Trainings published through ShareNum by coopératives, Canopé or the DANE (searched by "trainings first").
CREATE TABLE sn_training (
    id           VARCHAR(128) PRIMARY KEY,
    start_at     BIGINT       NOT NULL,
    doc          TEXT         NOT NULL
);
CREATE INDEX sn_training_start ON sn_training (start_at);

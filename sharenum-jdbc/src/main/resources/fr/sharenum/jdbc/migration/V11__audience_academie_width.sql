-- An online event's académie is stored by its name: SAINT_PIERRE_ET_MIQUELON has 24 characters, more than
-- V10's 16 (online events announced to the longest-named académies could not be stored).
ALTER TABLE sn_event ALTER COLUMN audience_academie SET DATA TYPE VARCHAR(64);

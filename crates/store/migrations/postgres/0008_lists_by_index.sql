-- Lists of approaches count each approach's completed and not-applicable knooppunten. With the
-- status in an index beside the node key, each count reads one short index range and never the
-- progress rows themselves.
CREATE INDEX node_progress_status ON node_progress(approach_id, status, node_key);

-- An entry's page lists what was recorded at a meeting or follows from a decision. These
-- indexes find those entries directly instead of reading the approach's whole logbook.
CREATE INDEX log_entries_meeting ON log_entries(meeting_id);
CREATE INDEX log_entries_decision ON log_entries(decision_id);

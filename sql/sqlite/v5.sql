-- v5: the event log keeps only the columns an update changed (the
-- triggers are regenerated after every migration); follow-up counts per
-- rep and period read an index.
CREATE INDEX activity_actor ON activity (actor_id, at);

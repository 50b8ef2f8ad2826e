-- A site's guest list shows the most recently admitted first, a page at a
-- time: the index gives that order, so a page reads about a page of rows.
CREATE INDEX guests_site_checked_in ON guests (site_id, checked_in_at);

-- 总览's trend asks for each of many days which people at a site had a
-- fever that day: found from the day's readings, not from every guest.
CREATE INDEX temperatures_at ON temperatures (taken_at);

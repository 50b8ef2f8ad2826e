-- A search shows the newest passages first, a page at a time. Each index a
-- search reads by (the ID number's last digits, phone, plate, name) carries
-- the time too, so the matches are put in order from the index alone and
-- only the page's rows are read.
DROP INDEX registrations_id_reversed;
DROP INDEX registrations_plate;
DROP INDEX registrations_name;
DROP INDEX registrations_phone;
CREATE INDEX registrations_id_reversed ON registrations (id_reversed, at) WHERE id_reversed != '';
CREATE INDEX registrations_plate ON registrations (plate, at) WHERE plate != '';
CREATE INDEX registrations_name ON registrations (name, at) WHERE name != '';
CREATE INDEX registrations_phone ON registrations (phone, at) WHERE phone != '';
CREATE INDEX registrations_outcome ON registrations (outcome, at);

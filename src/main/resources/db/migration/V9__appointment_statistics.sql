-- Appointments in the statistics' aggregates (ADR 0020, "Rendez-vous"): the same tables as the accompaniments, with
-- dimensions that all start with APPOINTMENT_, kept exact by fr.relais.appointment.Bookings in the transaction of
-- each booking, move and change of status. Per appointment, on its day at the site (slot_date): records 1,
-- participants 1, minutes = the lead time from booking (created_at) to the start, in whole minutes, never below 0.
-- The minute difference is read from EXTRACT(EPOCH FROM …), which H2 and PostgreSQL both give in exact seconds.
-- Backfill of the appointments already booked: the days first, then their months. AppointmentTalliesTest replays it.
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.slot_date, 'APPOINTMENT_ALL', '-', COUNT(*), COUNT(*),
       SUM(GREATEST(0, CAST(FLOOR((EXTRACT(EPOCH FROM a.starts_at) - EXTRACT(EPOCH FROM a.created_at)) / 60) AS BIGINT)))
FROM appointment a GROUP BY a.site_id, a.slot_date;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.slot_date, 'APPOINTMENT_STATUS', a.status, COUNT(*), COUNT(*),
       SUM(GREATEST(0, CAST(FLOOR((EXTRACT(EPOCH FROM a.starts_at) - EXTRACT(EPOCH FROM a.created_at)) / 60) AS BIGINT)))
FROM appointment a GROUP BY a.site_id, a.slot_date, a.status;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.slot_date, 'APPOINTMENT_BOOKED_AT', CASE WHEN a.booked_by IS NULL THEN 'ONLINE' ELSE 'DESK' END,
       COUNT(*), COUNT(*),
       SUM(GREATEST(0, CAST(FLOOR((EXTRACT(EPOCH FROM a.starts_at) - EXTRACT(EPOCH FROM a.created_at)) / 60) AS BIGINT)))
FROM appointment a GROUP BY a.site_id, a.slot_date, CASE WHEN a.booked_by IS NULL THEN 'ONLINE' ELSE 'DESK' END;
INSERT INTO stat_month (site_id, month_start, dimension, dim_value, records, participants, minutes)
SELECT d.site_id, d.occurred_on - (CAST(EXTRACT(DAY FROM d.occurred_on) AS INT) - 1), d.dimension, d.dim_value,
       SUM(d.records), SUM(d.participants), SUM(d.minutes)
FROM stat_day d WHERE d.dimension IN ('APPOINTMENT_ALL', 'APPOINTMENT_STATUS', 'APPOINTMENT_BOOKED_AT')
GROUP BY d.site_id, d.occurred_on - (CAST(EXTRACT(DAY FROM d.occurred_on) AS INT) - 1), d.dimension, d.dim_value;

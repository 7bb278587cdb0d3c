-- The aggregates the statistics read (ADR 0020): one row per site, period, dimension and value, kept exact in the
-- transaction that creates, corrects or deletes an accompaniment (fr.relais.stats.Tallies). A marginal per
-- dimension, plus the two crossed pairs the dashboard needs, not a full cube: the row count follows the number of
-- values, not the number of records. A row exists only while it counts at least one record.
-- records: accompaniments; participants: people (1, or the participants of a workshop's collective record);
-- minutes: their durations. Columns are month_start / occurred_on because MONTH and DAY are keywords for H2.
CREATE TABLE stat_month (
    site_id      BIGINT      NOT NULL REFERENCES site (id),
    month_start  DATE        NOT NULL,
    dimension    VARCHAR(24) NOT NULL,
    dim_value    VARCHAR(64) NOT NULL,
    records      BIGINT      NOT NULL CHECK (records >= 0),
    participants BIGINT      NOT NULL CHECK (participants >= 0),
    minutes      BIGINT      NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (site_id, month_start, dimension, dim_value)
);
CREATE TABLE stat_day (
    site_id      BIGINT      NOT NULL REFERENCES site (id),
    occurred_on  DATE        NOT NULL,
    dimension    VARCHAR(24) NOT NULL,
    dim_value    VARCHAR(64) NOT NULL,
    records      BIGINT      NOT NULL CHECK (records >= 0),
    participants BIGINT      NOT NULL CHECK (participants >= 0),
    minutes      BIGINT      NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (site_id, occurred_on, dimension, dim_value)
);
-- The row each tally locks first (SELECT … FOR UPDATE): one per site, referenced by no foreign key, so that the
-- lock never waits on, nor blocks, the key checks of rows that reference the site.
CREATE TABLE stat_lock (
    site_id BIGINT NOT NULL PRIMARY KEY
);
INSERT INTO stat_lock (site_id) SELECT id FROM site;

-- Backfill from the accompaniments already recorded: the days first, one statement per dimension, then the months
-- as the sum of their days. The same text runs on H2 and PostgreSQL; StatisticsBackfillTest replays it.
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'ALL', '-', COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a GROUP BY a.site_id, a.occurred_on;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'MODE', a.mode, COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a GROUP BY a.site_id, a.occurred_on, a.mode;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'CHANNEL', a.channel_code, COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a GROUP BY a.site_id, a.occurred_on, a.channel_code;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'THEME', t.theme_code, COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a JOIN accompaniment_theme t ON t.accompaniment_id = a.id
GROUP BY a.site_id, a.occurred_on, t.theme_code;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'SCOPE', s.scope_code, COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a JOIN accompaniment_scope s ON s.accompaniment_id = a.id
GROUP BY a.site_id, a.occurred_on, s.scope_code;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'EQUIPMENT', e.equipment_code, COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a JOIN accompaniment_equipment e ON e.accompaniment_id = a.id
GROUP BY a.site_id, a.occurred_on, e.equipment_code;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'AUTONOMY', COALESCE(a.autonomy, 'NONE'), COUNT(*), SUM(a.participants),
       SUM(a.duration_minutes)
FROM accompaniment a GROUP BY a.site_id, a.occurred_on, COALESCE(a.autonomy, 'NONE');
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'AGE', COALESCE(a.age_bracket_code, 'NONE'), COUNT(*), SUM(a.participants),
       SUM(a.duration_minutes)
FROM accompaniment a GROUP BY a.site_id, a.occurred_on, COALESCE(a.age_bracket_code, 'NONE');
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'FIRST_VISIT',
       CASE WHEN a.first_visit IS NULL THEN 'NONE' WHEN a.first_visit THEN 'YES' ELSE 'NO' END,
       COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a
GROUP BY a.site_id, a.occurred_on, CASE WHEN a.first_visit IS NULL THEN 'NONE' WHEN a.first_visit THEN 'YES' ELSE 'NO' END;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'DURATION',
       CASE WHEN a.duration_minutes <= 15 THEN 'UP_TO_15' WHEN a.duration_minutes <= 30 THEN '16_TO_30'
            WHEN a.duration_minutes <= 45 THEN '31_TO_45' WHEN a.duration_minutes <= 60 THEN '46_TO_60'
            ELSE 'OVER_60' END,
       COUNT(*), SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a
GROUP BY a.site_id, a.occurred_on,
       CASE WHEN a.duration_minutes <= 15 THEN 'UP_TO_15' WHEN a.duration_minutes <= 30 THEN '16_TO_30'
            WHEN a.duration_minutes <= 45 THEN '31_TO_45' WHEN a.duration_minutes <= 60 THEN '46_TO_60'
            ELSE 'OVER_60' END;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'PARTNER_KIND', a.partner_kind_code, COUNT(*), SUM(a.participants),
       SUM(a.duration_minutes)
FROM accompaniment a WHERE a.mode = 'REFER' AND a.partner_kind_code IS NOT NULL
GROUP BY a.site_id, a.occurred_on, a.partner_kind_code;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'MODE_THEME', a.mode || '|' || t.theme_code, COUNT(*), SUM(a.participants),
       SUM(a.duration_minutes)
FROM accompaniment a JOIN accompaniment_theme t ON t.accompaniment_id = a.id
GROUP BY a.site_id, a.occurred_on, a.mode || '|' || t.theme_code;
INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes)
SELECT a.site_id, a.occurred_on, 'THEME_AGE', t.theme_code || '|' || COALESCE(a.age_bracket_code, 'NONE'), COUNT(*),
       SUM(a.participants), SUM(a.duration_minutes)
FROM accompaniment a JOIN accompaniment_theme t ON t.accompaniment_id = a.id
GROUP BY a.site_id, a.occurred_on, t.theme_code || '|' || COALESCE(a.age_bracket_code, 'NONE');
INSERT INTO stat_month (site_id, month_start, dimension, dim_value, records, participants, minutes)
SELECT d.site_id, d.occurred_on - (CAST(EXTRACT(DAY FROM d.occurred_on) AS INT) - 1), d.dimension, d.dim_value,
       SUM(d.records), SUM(d.participants), SUM(d.minutes)
FROM stat_day d
GROUP BY d.site_id, d.occurred_on - (CAST(EXTRACT(DAY FROM d.occurred_on) AS INT) - 1), d.dimension, d.dim_value;
